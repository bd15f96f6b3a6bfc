package se.ange.tertial.register.activity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.OrgUnitRepository;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;

/**
 * Reads the register as {@link ActivityView}s. A municipality's plan is hundreds of activities, so the
 * whole register is read in one query per table and filtered in memory by the follow-up rules, which
 * need every activity's history anyway. The whole-register read is kept for a moment
 * ({@code tertial.register.cache-ttl}, 1 s; chat commands under load ask for it many times a second);
 * writes through this instance drop it at once, other instances may lag by that moment.
 */
@Singleton
public class ActivityCatalog {

    private static final String ALL = "all";

    private final ActivityRepository activities;
    private final ActivityOwnerRepository owners;
    private final StatusReportRepository reports;
    private final GoalRepository goals;
    private final DepartmentRepository departments;
    private final OrgUnitRepository units;
    private final PersonRepository people;
    private final ActivityContinuations continuations;
    private final OneActivity one;
    private final Cache<String, List<ActivityView>> snapshot;

    ActivityCatalog(ActivityRepository activities, ActivityOwnerRepository owners, StatusReportRepository reports,
                    GoalRepository goals, DepartmentRepository departments, OrgUnitRepository units,
                    PersonRepository people, ActivityContinuations continuations, OneActivity one,
                    @Value("${tertial.register.cache-ttl:1s}") Duration cacheTtl) {
        this.continuations = continuations;
        this.one = one;
        this.snapshot = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(1).build();
        this.activities = activities;
        this.owners = owners;
        this.reports = reports;
        this.goals = goals;
        this.departments = departments;
        this.units = units;
        this.people = people;
    }

    public List<ActivityView> all() {
        return snapshot.get(ALL, key -> views(activities.findAllOrderByRef()));
    }

    /**
     * The whole register read now, past the cache (which another instance's writes do not drop): for what
     * must not miss a write committed a moment ago, such as the record frozen when a tertial closes.
     */
    public List<ActivityView> allUncached() {
        return views(activities.findAllOrderByRef());
    }

    /** Called by every write to activities, owners and reports. */
    void changed() {
        snapshot.invalidateAll();
    }

    /** One activity (reference trimmed), read now in one joined query ({@link OneActivity}). */
    public Optional<ActivityView> byRef(String ref) {
        return one.byRef(ref);
    }

    /**
     * Several activities by reference, read now in one joined query however many there are ({@link OneActivity}; a
     * reminder's delivery reads its batch's activities so). Keyed by reference; a reference not in the register is
     * absent.
     */
    public Map<String, ActivityView> byRefs(Collection<String> refs) {
        return refs.isEmpty() ? Map.of() : one.byRefs(Set.copyOf(refs));
    }

    /**
     * The activities these people own, in reference order, read by owner (an index) rather than from the whole
     * register: "my activities" on the owner's page, in chat and in mail, for the person and whom they stand in for.
     */
    public List<ActivityView> heldBy(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = ids(owners.findByPersonIdIn(Set.copyOf(personIds)), ActivityOwner::activityId);
        return ids.isEmpty() ? List.of() : viewsByRef(activities.findByIdIn(ids)).values().stream()
                .sorted(Comparator.comparing(ActivityView::ref)).toList();
    }

    private Map<String, ActivityView> viewsByRef(List<Activity> selected) {
        if (selected.isEmpty()) {
            return Map.of();
        }
        Set<Long> ids = selected.stream().map(Activity::id).collect(Collectors.toSet());
        List<ActivityOwner> ownerRows = owners.findByActivityIdIn(ids);
        Set<Long> personIds = ids(ownerRows, ActivityOwner::personId);
        Map<Long, Person> personById = personIds.isEmpty() ? Map.of() : byId(people.findByIdIn(personIds), Person::id);
        Map<Long, List<Person>> ownersByActivity = ownerRows.stream().filter(o -> personById.containsKey(o.personId()))
                .collect(Collectors.groupingBy(ActivityOwner::activityId,
                        Collectors.mapping(o -> personById.get(o.personId()), Collectors.toList())));
        Map<Long, List<StatusReport>> reportsByActivity = reports.findByActivityIdIn(ids).stream()
                .collect(Collectors.groupingBy(StatusReport::activityId));
        Map<String, ActivityView> byRef = new HashMap<>();
        viewsOf(selected, ownersByActivity, reportsByActivity, continuations.lastYearsOf(ids))
                .forEach(view -> byRef.put(view.ref(), view));
        return byRef;
    }

    /**
     * Views of {@code selected}, in their order, given their owners, history and continuations: reads the goals (and
     * their parents), departments and units they name, one small query each.
     */
    List<ActivityView> viewsOf(Collection<Activity> selected, Map<Long, List<Person>> ownersByActivity,
                               Map<Long, List<StatusReport>> reportsByActivity, Map<Long, Integer> lastYears) {
        Map<Long, Goal> goalById = new HashMap<>(byId(goals.findByIdIn(ids(selected, Activity::goalId)), Goal::id));
        Set<Long> parents = ids(goalById.values(), Goal::parentId);
        parents.removeAll(goalById.keySet());
        if (!parents.isEmpty()) {
            goalById.putAll(byId(goals.findByIdIn(parents), Goal::id));
        }
        Map<Long, Department> departmentById = byId(departments.findByIdIn(ids(selected, Activity::departmentId)), Department::id);
        Set<Long> unitIds = ids(selected, Activity::unitId);
        Map<Long, OrgUnit> unitById = unitIds.isEmpty() ? Map.of() : byId(units.findByIdIn(unitIds), OrgUnit::id);
        return assemble(selected, goalById, departmentById, unitById, ownersByActivity, reportsByActivity, lastYears);
    }

    private static List<ActivityView> assemble(Collection<Activity> selected, Map<Long, Goal> goalById,
                                               Map<Long, Department> departmentById, Map<Long, OrgUnit> unitById,
                                               Map<Long, List<Person>> ownersByActivity,
                                               Map<Long, List<StatusReport>> reportsByActivity,
                                               Map<Long, Integer> lastYears) {
        return selected.stream().map(activity -> {
            OrgUnit unit = activity.unitId() == null ? null : unitById.get(activity.unitId());
            return ActivityViews.of(activity, goalById, departmentById.get(activity.departmentId()).name(),
                    unit == null ? null : unit.name(), ownersByActivity.getOrDefault(activity.id(), List.of()),
                    reportsByActivity.getOrDefault(activity.id(), List.of()), lastYears.get(activity.id()));
        }).toList();
    }

    /** The distinct non-null ids {@code id} gives for {@code rows}. */
    private static <T> Set<Long> ids(Collection<T> rows, Function<T, Long> id) {
        return rows.stream().map(id).filter(java.util.Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
    }

    private List<ActivityView> views(List<Activity> selected) {
        Map<Long, Person> personById = byId(people.findAll(), Person::id);
        Map<Long, List<Person>> ownersByActivity = StreamSupport.stream(owners.findAll().spliterator(), false)
                .collect(Collectors.groupingBy(ActivityOwner::activityId,
                        Collectors.mapping(o -> personById.get(o.personId()), Collectors.toList())));
        Map<Long, List<StatusReport>> reportsByActivity = reports.findAll().stream()
                .collect(Collectors.groupingBy(StatusReport::activityId));
        return assemble(selected, byId(goals.findAll(), Goal::id), byId(departments.findAll(), Department::id),
                byId(units.findAll(), OrgUnit::id), ownersByActivity, reportsByActivity, continuations.lastYears(null));
    }

    private static <T> Map<Long, T> byId(Iterable<T> rows, Function<T, Long> id) {
        return StreamSupport.stream(rows.spliterator(), false).collect(Collectors.toMap(id, Function.identity()));
    }

    /**
     * Activities by id, in the order given, read with one small query per table (per few thousand ids): what a
     * request path selected by index ({@link ActivityFinder}) instead of reading the whole register.
     */
    public List<ActivityView> byIds(List<Long> ids) {
        int chunk = 5_000; // keeps each IN list well inside the drivers' parameter limits
        List<ActivityView> views = new java.util.ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += chunk) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + chunk));
            Map<Long, ActivityView> byId = new HashMap<>();
            viewsByRef(activities.findByIdIn(part)).values().forEach(view -> byId.put(view.activity().id(), view));
            part.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(views::add);
        }
        return views;
    }
}
