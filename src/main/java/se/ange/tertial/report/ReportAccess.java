package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.Objects;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Role;

/**
 * Who may see which report and decide which goal's assessment. Stab and admin: every report. Managers:
 * their own department's report (only their unit's activities when they manage a unit). Owners: none.
 * A goal's assessment is decided by stab, or by the manager of the department that carries all of the
 * goal's activities in the register (the goal is then that department's alone). That is judged on every
 * activity of the goal, not on the tertial's slice: an activity another department finished in an earlier
 * tertial, or one that starts later, still makes the goal a shared one.
 */
final class ReportAccess {

    private ReportAccess() {
    }

    static boolean seesEverything(Caller caller) {
        return caller.has(Role.STAB) || caller.has(Role.ADMIN);
    }

    /** A manager's own department, with its unit when they manage one. */
    static boolean managesScope(Caller caller, @Nullable Long departmentId) {
        return caller.has(Role.MANAGER) && caller.departmentId() != null
                && Objects.equals(caller.departmentId(), departmentId);
    }

    /**
     * @param goalDepartmentIds the department of every activity of the goal in the register (whatever
     *                          the tertial: finished, running or not yet started)
     */
    static boolean canAssess(Caller caller, Collection<Long> goalDepartmentIds) {
        if (caller.has(Role.STAB)) {
            return true;
        }
        return caller.has(Role.MANAGER) && caller.departmentId() != null && caller.unitId() == null
                && !goalDepartmentIds.isEmpty()
                && goalDepartmentIds.stream().allMatch(id -> caller.departmentId().equals(id));
    }

    static boolean canReadAssessment(Caller caller, Collection<ActivityState> goalActivities) {
        return seesEverything(caller) || caller.has(Role.MANAGER) && caller.departmentId() != null
                && goalActivities.stream().anyMatch(a -> caller.departmentId().equals(a.departmentId()));
    }
}
