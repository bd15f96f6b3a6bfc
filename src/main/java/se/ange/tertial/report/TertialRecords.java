package se.ange.tertial.report;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.OrgUnitRepository;
import se.ange.tertial.system.ProblemException;

/**
 * A tertial's state for reports: the frozen record once the tertial is closed, else read live from the
 * register. Closing copies every activity that had to report for the tertial (status, comment, dates,
 * title, goal, organisation) and every goal's assessment; closing again keeps the first record.
 */
@Singleton
public class TertialRecords {

    /** What closing did: {@code created} false when the tertial was already closed (the first record stands). */
    public record CloseResult(TertialRecordRow record, boolean created, int activities, int goals) {
    }

    private final ActivityCatalog catalog;
    private final GoalAssessmentRepository decisions;
    private final TertialRecordRepository records;
    private final RecordedActivityRepository recordedActivities;
    private final RecordedGoalRepository recordedGoals;
    private final DepartmentRepository departments;
    private final OrgUnitRepository units;
    private final LiveStates live;
    private final AuditLog audit;
    private final Clock clock;

    TertialRecords(ActivityCatalog catalog, GoalAssessmentRepository decisions, TertialRecordRepository records,
                   RecordedActivityRepository recordedActivities, RecordedGoalRepository recordedGoals,
                   DepartmentRepository departments, OrgUnitRepository units, LiveStates live, AuditLog audit,
                   Clock clock) {
        this.catalog = catalog;
        this.decisions = decisions;
        this.records = records;
        this.recordedActivities = recordedActivities;
        this.recordedGoals = recordedGoals;
        this.departments = departments;
        this.units = units;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<TertialRecordRow> record(Tertial tertial) {
        return records.findByTertial(tertial.toString());
    }

    /** The tertial as a report shows it: frozen when closed, else live. */
    public TertialState state(Tertial tertial) {
        return record(tertial).map(this::frozenState).orElseGet(() -> liveState(tertial));
    }

    TertialState liveState(Tertial tertial) {
        List<ActivityState> activities = live.activities(catalog.all(), tertial);
        return new TertialState(tertial, null, activities, live.assessments(activities, tertial, decisionsFor(tertial)));
    }

    Map<Long, LiveStates.Decision> decisionsFor(Tertial tertial) {
        return decisions.findByTertial(tertial.toString()).stream().collect(Collectors.toMap(
                GoalAssessmentRow::goalId, row -> new LiveStates.Decision(row.assessment(), row.analysis())));
    }

    @Transactional
    public CloseResult close(Tertial tertial, Actor actor, boolean automatic) {
        Optional<TertialRecordRow> existing = record(tertial);
        if (existing.isPresent()) {
            TertialRecordRow row = existing.get();
            return new CloseResult(row, false, recordedActivities.findByRecordId(row.id()).size(),
                    recordedGoals.findByRecordId(row.id()).size());
        }
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(tertial.closingDate())) {
            throw new ProblemException(io.micronaut.http.HttpStatus.CONFLICT,
                    "Tertial %s stänger %s och kan låsas först då".formatted(tertial, tertial.closingDate()), List.of());
        }
        TertialState state = liveState(tertial);
        TertialRecordRow row = records.save(new TertialRecordRow(null, tertial.toString(), clock.instant(),
                actor.name(), automatic));
        for (ActivityState a : state.activities()) {
            recordedActivities.save(new RecordedActivity(null, row.id(), a.activityId(), a.ref(), a.title(), a.goalId(),
                    a.departmentId(), a.unitId(), a.startDate(), a.endDate(), a.status(), a.comment(),
                    a.reportedFor() == null ? null : a.reportedFor().toString()));
        }
        for (AssessmentState g : state.assessments().values()) {
            recordedGoals.save(new RecordedGoal(null, row.id(), g.goalId(), g.suggested(), g.reasoning(), g.chosen(),
                    g.analysis()));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("tertial", tertial.toString());
        after.put("activities", state.activities().size());
        after.put("goals", state.assessments().size());
        after.put("automatic", automatic);
        audit.record(actor, "tertial.closed", "tertial:" + tertial, null, null, after);
        return new CloseResult(row, true, state.activities().size(), state.assessments().size());
    }

    private TertialState frozenState(TertialRecordRow row) {
        Tertial tertial = Tertial.parse(row.tertial());
        Map<Long, String> departmentNames = StreamSupport.stream(departments.findAll().spliterator(), false)
                .collect(Collectors.toMap(Department::id, Department::name));
        Map<Long, String> unitNames = StreamSupport.stream(units.findAll().spliterator(), false)
                .collect(Collectors.toMap(OrgUnit::id, OrgUnit::name));
        List<ActivityState> activities = recordedActivities.findByRecordId(row.id()).stream()
                .map(a -> new ActivityState(a.activityId(), a.ref(), a.title(), a.goalId(),
                        departmentNames.getOrDefault(a.departmentId(), "?"),
                        a.unitId() == null ? null : unitNames.get(a.unitId()), a.departmentId(), a.unitId(),
                        a.startDate(), a.endDate(), a.status(), a.comment(),
                        a.reportedFor() == null ? null : Tertial.parse(a.reportedFor())))
                .toList();
        Map<Long, AssessmentState> assessments = new HashMap<>(recordedGoals.findByRecordId(row.id()).stream()
                .collect(Collectors.toMap(RecordedGoal::goalId, g -> new AssessmentState(g.goalId(), g.suggested(),
                        g.reasoning() == null ? "" : g.reasoning(), g.assessment(), g.analysis()),
                        (a, b) -> a)));
        return new TertialState(tertial, new TertialState.Frozen(row.frozenAt(), row.frozenBy(), row.automatic()),
                activities, assessments);
    }
}
