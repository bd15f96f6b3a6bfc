package se.ange.tertial.register.access;

import java.util.Objects;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Role;

/**
 * Who may read and change which activity. Owners: their own activities (and, as deputy, those of an
 * absent colleague). Managers: their department (or
 * their unit, when they manage one), where they may report and reassign owners. Stab: everything in the
 * register. Admin: may read everything but changes only people, roles and tokens.
 *
 * <p>Disclosure: a caller who may not read an activity or see a person gets the very answer given for one
 * that does not exist (404, same text), so refs and e-mail addresses cannot be probed. 403 is kept for what
 * the caller may see but not change (an owner's PUT of their own activity, stab changing someone's deputy).
 */
public final class Permissions {

    private Permissions() {
    }

    public static boolean canRead(Caller caller, ActivityView activity) {
        return caller.has(Role.STAB) || caller.has(Role.ADMIN) || manages(caller, activity) || owns(caller, activity);
    }

    public static boolean canReport(Caller caller, ActivityView activity) {
        return caller.has(Role.STAB) || manages(caller, activity) || owns(caller, activity);
    }

    /** Whether the caller may see this person's details: admin, stab, or the person themselves. */
    public static boolean canSeePerson(Caller caller, Long personId) {
        return caller.has(Role.ADMIN) || caller.has(Role.STAB) || Objects.equals(caller.personId(), personId);
    }

    /**
     * Whether the caller may change a person's deputy and absences: an admin, or the person themselves (stab sees
     * them but may not change them: 403). The API and the {@code /personer} page ask this one question.
     */
    public static boolean canChangePersonSettings(Caller caller, Long personId) {
        return caller.has(Role.ADMIN) || Objects.equals(caller.personId(), personId);
    }

    /** Editing an activity's plan (title, dates, goal, organisation) is stab's. */
    public static boolean canEditPlan(Caller caller) {
        return caller.has(Role.STAB);
    }

    /**
     * Editing all of one activity (title, dates, goal, owners, ending it): stab any; a manager their department's
     * (or unit's) own activities (source UNIT), which they may also add; the board's plan activities stay stab's.
     */
    public static boolean canEditActivity(Caller caller, ActivityView activity) {
        return canEditPlan(caller)
                || activity.activity().source() == se.ange.tertial.register.activity.ActivitySource.UNIT
                && manages(caller, activity);
    }

    public static boolean canChangeOwners(Caller caller, ActivityView activity) {
        return caller.has(Role.STAB) || manages(caller, activity);
    }

    /**
     * Whether the activity is the caller's to report on as a person: they own it, or they are the deputy of an
     * absent owner ("mina" in chat and on the web).
     */
    public static boolean holds(Caller caller, ActivityView activity) {
        return caller.personId() != null && activity.owners().stream().anyMatch(p -> p.id().equals(caller.personId())
                || caller.deputyFor().contains(p.id()));
    }

    /** Their own activity, or one of an absent colleague's whose deputy they are. */
    private static boolean owns(Caller caller, ActivityView activity) {
        if (caller.personId() == null) {
            return false;
        }
        boolean own = caller.has(Role.OWNER)
                && activity.owners().stream().anyMatch(p -> Objects.equals(p.id(), caller.personId()));
        return own || activity.owners().stream().anyMatch(p -> caller.deputyFor().contains(p.id()));
    }

    private static boolean manages(Caller caller, ActivityView activity) {
        if (!caller.has(Role.MANAGER) || caller.departmentId() == null
                || !caller.departmentId().equals(activity.activity().departmentId())) {
            return false;
        }
        return caller.unitId() == null || caller.unitId().equals(activity.activity().unitId());
    }

    /**
     * The activities {@link #canRead} can allow, as plain columns, so a query reads only those rows; canRead still
     * decides on each. {@code everything}: stab and admin; else the managed department (and unit, when the caller
     * manages one) and the activities owned by {@code holders} (the caller as owner, and absent colleagues they
     * stand in for).
     */
    public record Reach(boolean everything, Long departmentId, Long unitId, java.util.Set<Long> holders) {

        public Reach {
            holders = java.util.Set.copyOf(holders);
        }

        /** Whether nothing at all may be read. */
        public boolean isEmpty() {
            return !everything && departmentId == null && holders.isEmpty();
        }
    }

    public static Reach reach(Caller caller) {
        if (caller.has(Role.STAB) || caller.has(Role.ADMIN)) {
            return new Reach(true, null, null, java.util.Set.of());
        }
        Long department = caller.has(Role.MANAGER) ? caller.departmentId() : null;
        java.util.Set<Long> holders = new java.util.HashSet<>();
        if (caller.personId() != null) {
            holders.addAll(caller.deputyFor());
            if (caller.has(Role.OWNER)) {
                holders.add(caller.personId());
            }
        }
        return new Reach(false, department, department == null ? null : caller.unitId(), holders);
    }
}
