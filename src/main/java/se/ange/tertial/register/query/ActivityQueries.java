package se.ange.tertial.register.query;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import se.ange.tertial.followup.Deviation;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityFinder;
import se.ange.tertial.register.activity.ActivitySelection;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.Role;

/**
 * The stab's questions of the register (overdue, missing reports, deviations), asked the same way by the
 * chat commands and the API: always within what the caller may read ({@link Permissions}), optionally
 * narrowed to one department, sorted most urgent first and never cut (callers page).
 */
@Singleton
public class ActivityQueries {

    /** May the caller ask about a department? Stab and admin: any; others: only their own. */
    public enum DepartmentAccess { ALLOWED, UNKNOWN, NOT_YOURS }

    /** An activity with its deviations as of a date. */
    public record Found(ActivityView view, List<Deviation> deviations) {
    }

    /** Soonest (or longest past) end date first, then by reference. */
    public static final Comparator<ActivityView> MOST_URGENT_FIRST =
            Comparator.comparing((ActivityView v) -> v.activity().endDate()).thenComparing(ActivityView::ref);

    private final ActivityCatalog catalog;
    private final ActivityFinder finder;
    private final DeviationRules rules;
    private final DepartmentRepository departments;

    ActivityQueries(ActivityCatalog catalog, ActivityFinder finder, DeviationRules rules,
                    DepartmentRepository departments) {
        this.catalog = catalog;
        this.finder = finder;
        this.rules = rules;
        this.departments = departments;
    }

    public DepartmentAccess access(Caller caller, @Nullable String department) {
        if (department == null || department.isBlank()) {
            return DepartmentAccess.ALLOWED;
        }
        Optional<Long> asked = department.strip().length() > se.ange.tertial.system.Limits.DEPARTMENT ? Optional.empty()
                : departments.findByNameIlike(se.ange.tertial.register.org.Organisation.likeLiteral(department.strip()))
                        .map(Department::id);
        if (asked.isEmpty()) {
            return DepartmentAccess.UNKNOWN;
        }
        boolean wide = caller.has(Role.STAB) || caller.has(Role.ADMIN);
        return wide || asked.get().equals(caller.departmentId()) ? DepartmentAccess.ALLOWED : DepartmentAccess.NOT_YOURS;
    }

    /** Activities whose end date is before {@code on} and that were not completed by then; most overdue first. */
    public List<ActivityView> overdue(Caller caller, @Nullable String department, LocalDate on) {
        // only an activity planned to end before the day can be overdue on it; the rule decides which are
        return readable(caller, department, ActivitySelection.readableBy(caller).endingBefore(on))
                .filter(view -> view.factsUpTo(Tertial.containing(on)).isOverdueOn(on))
                .sorted(MOST_URGENT_FIRST)
                .toList();
    }

    /** Activities that must report for the tertial and have not; soonest end date first. */
    public List<ActivityView> missing(Caller caller, @Nullable String department, Tertial tertial) {
        // only an activity planned to start by the close must report for the tertial; the rule decides which do
        return readable(caller, department, ActivitySelection.readableBy(caller).startingBy(tertial.closingDate()))
                .filter(view -> view.facts().mustReportFor(tertial))
                .sorted(MOST_URGENT_FIRST)
                .toList();
    }

    /**
     * Deviations as of {@code asOf} of the activities active in the tertial, reading the reports up to
     * the tertial of {@code asOf}. Most urgent kind first, then by end date.
     */
    public List<Found> deviations(Caller caller, @Nullable String department, Tertial tertial, LocalDate asOf) {
        return readable(caller, department)
                .map(view -> new Found(view, rules.deviationsOn(view.factsUpTo(Tertial.containing(asOf)), asOf)))
                .filter(found -> !found.deviations().isEmpty())
                .filter(found -> found.view().factsUpTo(tertial).isActiveIn(tertial))
                .sorted(Comparator.comparing((Found f) -> f.deviations().get(0).kind())
                        .thenComparing(Found::view, MOST_URGENT_FIRST))
                .toList();
    }

    /** Every readable activity with a deviation as of the day (whatever tertial), by reference. */
    public List<Found> deviationsOn(Caller caller, @Nullable String department, LocalDate day) {
        return readable(caller, department)
                .map(view -> new Found(view, rules.deviationsOn(view.factsUpTo(Tertial.containing(day)), day)))
                .filter(found -> !found.deviations().isEmpty())
                .toList();
    }

    /**
     * The caller's own activities and those of absent colleagues they stand in for ({@link Permissions#holds}), by
     * reference, read by owner rather than from the whole register.
     */
    public Stream<ActivityView> held(Caller caller) {
        if (caller.personId() == null) {
            return Stream.empty();
        }
        java.util.Set<Long> holders = new java.util.HashSet<>(caller.deputyFor());
        holders.add(caller.personId());
        return catalog.heldBy(holders).stream().filter(view -> Permissions.canRead(caller, view));
    }

    /**
     * What the caller may read, in the department when one is named (by reference): read by index (department,
     * owner), not from the whole register; {@link Permissions#canRead} decides on each row read.
     */
    public Stream<ActivityView> readable(Caller caller, @Nullable String department) {
        return readable(caller, department, ActivitySelection.readableBy(caller));
    }

    private Stream<ActivityView> readable(Caller caller, @Nullable String department, ActivitySelection selection) {
        Predicate<ActivityView> inDepartment = view -> department == null || department.isBlank()
                || view.department().equalsIgnoreCase(department.strip());
        return finder.find(selection.department(department)).stream()
                .filter(view -> Permissions.canRead(caller, view)).filter(inDepartment);
    }
}
