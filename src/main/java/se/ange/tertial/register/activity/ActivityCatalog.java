package se.ange.tertial.register.activity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Cache<String, List<ActivityView>> snapshot;

    ActivityCatalog(ActivityRepository activities, ActivityOwnerRepository owners, StatusReportRepository reports,
                    GoalRepository goals, DepartmentRepository departments, OrgUnitRepository units,
                    PersonRepository people, ActivityContinuations continuations,
                    @Value("${tertial.register.cache-ttl:1s}") Duration cacheTtl) {
        this.continuations = continuations;
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

    /** One activity, read with a handful of small queries (reminders and chat call this per item). */
    public Optional<ActivityView> byRef(String ref) {
        return activities.findByRef(ref.trim()).map(activity -> {
            Goal goal = goals.findById(activity.goalId()).orElseThrow();
            Goal kfGoal = goal.parentId() == null ? null : goals.findById(goal.parentId()).orElse(null);
            String unit = activity.unitId() == null ? null : units.findById(activity.unitId()).map(OrgUnit::name).orElse(null);
            List<Long> ownerIds = owners.findByActivityId(activity.id()).stream().map(ActivityOwner::personId).toList();
            List<Person> activityOwners = people.findByIdIn(ownerIds).stream()
                    .sorted(Comparator.comparing(Person::email)).toList();
            List<StatusReport> history = reports.findByActivityIdOrderByReceivedAt(activity.id());
            return new ActivityView(activity, goal, kfGoal, departments.findById(activity.departmentId()).orElseThrow().name(),
                    unit, activityOwners, history, continuations.lastYears(activity.id()).get(activity.id()));
        });
    }

    private List<ActivityView> views(List<Activity> selected) {
        Map<Long, Goal> goalById = byId(goals.findAll(), Goal::id);
        Map<Long, Department> departmentById = byId(departments.findAll(), Department::id);
        Map<Long, OrgUnit> unitById = byId(units.findAll(), OrgUnit::id);
        Map<Long, Person> personById = byId(people.findAll(), Person::id);
        Map<Long, List<Person>> ownersByActivity = StreamSupport.stream(owners.findAll().spliterator(), false)
                .collect(Collectors.groupingBy(ActivityOwner::activityId,
                        Collectors.mapping(o -> personById.get(o.personId()), Collectors.toList())));
        Map<Long, Integer> lastYears = continuations.lastYears(null);
        Map<Long, List<StatusReport>> reportsByActivity = reports.findAll().stream()
                .sorted(Comparator.comparing(StatusReport::receivedAt).thenComparing(StatusReport::id))
                .collect(Collectors.groupingBy(StatusReport::activityId));
        return selected.stream().map(activity -> {
            Goal goal = goalById.get(activity.goalId());
            OrgUnit unit = activity.unitId() == null ? null : unitById.get(activity.unitId());
            List<Person> activityOwners = ownersByActivity.getOrDefault(activity.id(), List.of()).stream()
                    .sorted(Comparator.comparing(Person::email)).toList();
            return new ActivityView(activity, goal, goal.parentId() == null ? null : goalById.get(goal.parentId()),
                    departmentById.get(activity.departmentId()).name(), unit == null ? null : unit.name(),
                    activityOwners, reportsByActivity.getOrDefault(activity.id(), List.of()), lastYears.get(activity.id()));
        }).toList();
    }

    private static <T> Map<Long, T> byId(Iterable<T> rows, Function<T, Long> id) {
        return StreamSupport.stream(rows.spliterator(), false).collect(Collectors.toMap(id, Function.identity()));
    }
}
