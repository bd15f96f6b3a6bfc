package se.ange.tertial.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalAreaRepository;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.register.goal.Measure;
import se.ange.tertial.register.goal.MeasureOutcomeRepository;
import se.ange.tertial.register.goal.MeasureRepository;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.OrgUnitRepository;
import se.ange.tertial.system.Database;
import se.ange.tertial.system.ProblemException;

/**
 * A tertial's state for reports: the frozen record once the tertial is closed, else read live from the
 * register. Closing copies every activity that had to report for the tertial (status, comment, dates,
 * title, goal, organisation with its names), every goal's assessment with the goal's names (reference,
 * title, KF goal, goal area) and every measure of the year's goals with its outcome by then, so that renaming or re-importing later leaves a closed report as it was;
 * closing again keeps the first record. Closing reads the register afresh (never the catalog's cached
 * read), so a report committed just before the close is in the record.
 *
 * <p>Several instances may close at once (each runs {@link AutoCloseSchedule}, and stab may close by hand),
 * and a goal assessment may be decided while a tertial closes. Both take the same row locks, the goals'
 * ({@code SELECT … FOR UPDATE} on {@code goal}, a plain row lock that H2 and PostgreSQL both have): closing
 * locks every goal before it looks for a record, {@link GoalAssessments#decide} locks its goal before it
 * does. Whoever comes second waits and then sees the other's work: a second close finds the record (and
 * answers "already closed"), a decision after a close is refused (409), a close after a decision records it.
 * There is no row per tertial to lock before the first close, hence the goals. Should two closes still meet
 * at the record's UNIQUE tertial (no goals to lock), the loser answers with the winner's record.
 */
@Singleton
public class TertialRecords {

    /** What closing did: {@code created} false when the tertial was already closed (the first record stands). */
    public record CloseResult(TertialRecordRow record, boolean created, int activities, int goals) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TertialRecords.class);
    /** SQLState of a unique violation, on PostgreSQL and H2 alike. */

    private final ActivityCatalog catalog;
    private final GoalAssessmentRepository decisions;
    private final TertialRecordRepository records;
    private final RecordedActivityRepository recordedActivities;
    private final RecordedGoalRepository recordedGoals;
    private final RecordedMeasureRepository recordedMeasures;
    private final MeasureRepository measures;
    private final MeasureOutcomeRepository outcomes;
    private final DepartmentRepository departments;
    private final OrgUnitRepository units;
    private final GoalRepository goals;
    private final GoalAreaRepository areas;
    private final LiveStates live;
    private final ReportTexts texts;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    /** Tests only: runs inside the closing transaction, after the live state is read, before the record is written. */
    volatile Runnable beforeRecordWritten = () -> { };

    TertialRecords(ActivityCatalog catalog, GoalAssessmentRepository decisions, TertialRecordRepository records,
                   RecordedActivityRepository recordedActivities, RecordedGoalRepository recordedGoals,
                   RecordedMeasureRepository recordedMeasures, MeasureRepository measures,
                   MeasureOutcomeRepository outcomes, DepartmentRepository departments, OrgUnitRepository units, GoalRepository goals,
                   GoalAreaRepository areas, LiveStates live, ReportTexts texts, AuditLog audit, Clock clock, JdbcOperations jdbc,
                   TransactionOperations<Connection> transactions) {
        this.catalog = catalog;
        this.decisions = decisions;
        this.records = records;
        this.recordedActivities = recordedActivities;
        this.recordedGoals = recordedGoals;
        this.recordedMeasures = recordedMeasures;
        this.measures = measures;
        this.outcomes = outcomes;
        this.departments = departments;
        this.units = units;
        this.goals = goals;
        this.areas = areas;
        this.live = live;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public Optional<TertialRecordRow> record(Tertial tertial) {
        return records.findByTertial(tertial.toString());
    }

    /** The tertial as a report shows it: frozen when closed, else live. */
    public TertialState state(Tertial tertial) {
        return record(tertial).map(this::frozenState).orElseGet(() -> liveState(tertial));
    }

    TertialState liveState(Tertial tertial) {
        return liveState(tertial, catalog.all());
    }

    private TertialState liveState(Tertial tertial, List<ActivityView> register) {
        List<ActivityState> activities = live.activities(register, tertial);
        Map<Long, List<MeasureState>> goalMeasures = liveMeasures(tertial);
        return new TertialState(tertial, null, activities,
                live.assessments(activities, goalMeasures, tertial, decisionsFor(tertial)), liveGoalNames(),
                goalMeasures);
    }

    /** The measures of the tertial's plan year's goals with their latest outcome by the tertial. */
    Map<Long, List<MeasureState>> liveMeasures(Tertial tertial) {
        List<Long> yearGoals = StreamSupport.stream(goals.findAll().spliterator(), false)
                .filter(g -> g.year() == tertial.year()).map(Goal::id).toList();
        if (yearGoals.isEmpty()) {
            return Map.of();
        }
        List<Measure> yearMeasures = measures.findByGoalIdIn(yearGoals);
        if (yearMeasures.isEmpty()) {
            return Map.of();
        }
        return live.measures(yearMeasures, outcomes.findByMeasureIdIn(yearMeasures.stream().map(Measure::id).toList()),
                tertial);
    }

    /** The earliest plan year of the register's goals; empty while there is no plan. */
    Optional<Integer> firstPlanYear() {
        return StreamSupport.stream(goals.findAll().spliterator(), false).map(Goal::year).min(Integer::compare);
    }

    /** Every goal's names as the register has them now. */
    Map<Long, GoalNames> liveGoalNames() {
        return GoalNames.of(goals.findAll(), areas.findAll());
    }

    Map<Long, LiveStates.Decision> decisionsFor(Tertial tertial) {
        return decisions.findByTertial(tertial.toString()).stream().collect(Collectors.toMap(
                GoalAssessmentRow::goalId, row -> new LiveStates.Decision(row.assessment(), row.analysis())));
    }

    /**
     * Closes the tertial, from the day after its closing date on (409 before: its last day is still open
     * for reports). Idempotent: when it is already closed, or another instance closes it at the same time,
     * the first record stands and is returned with {@code created} false. Runs in a transaction of its own
     * (call it outside one: after a unique violation PostgreSQL's transaction is spoilt).
     */
    public CloseResult close(Tertial tertial, Actor actor, boolean automatic) {
        try {
            return transactions.executeWrite(status -> closeLocked(tertial, actor, automatic));
        } catch (RuntimeException e) {
            // the UNIQUE tertial: someone else wrote the record between our look and our insert
            if (Database.isUniqueViolation(e)) {
                Optional<TertialRecordRow> winner = record(tertial);
                if (winner.isPresent()) {
                    LOG.info("Tertial {} was closed by {} at the same time; that record stands", tertial,
                            winner.get().frozenBy());
                    return alreadyClosed(winner.get());
                }
            }
            throw e;
        }
    }

    private CloseResult closeLocked(Tertial tertial, Actor actor, boolean automatic) {
        lockGoals();
        Optional<TertialRecordRow> existing = record(tertial);
        if (existing.isPresent()) {
            return alreadyClosed(existing.get());
        }
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(tertial.closingDate())) {
            throw new ProblemException(HttpStatus.CONFLICT, "Tertial %s stänger %s; det kan låsas från %s."
                    .formatted(tertial, Dates.full(tertial.closingDate(), Language.SV),
                            Dates.full(tertial.closingDate().plusDays(1), Language.SV)), List.of());
        }
        // a fresh read: the catalog's cached one may predate a report another instance committed just now
        TertialState state = liveState(tertial, catalog.allUncached());
        beforeRecordWritten.run();
        TertialRecordRow row = records.save(new TertialRecordRow(null, tertial.toString(), clock.instant(),
                actor.name(), automatic));
        for (ActivityState a : state.activities()) {
            recordedActivities.save(new RecordedActivity(null, row.id(), a.activityId(), a.ref(), a.title(), a.goalId(),
                    a.departmentId(), a.unitId(), a.startDate(), a.endDate(), a.status(), a.comment(),
                    a.reportedFor() == null ? null : a.reportedFor().toString(), a.department(), a.unit(),
                    a.description(), a.own()));
        }
        for (AssessmentState g : state.assessments().values()) {
            GoalNames names = state.goals().get(g.goalId());
            recordedGoals.save(new RecordedGoal(null, row.id(), g.goalId(), g.suggested(), g.reasoning(), g.chosen(),
                    g.analysis(), names == null ? null : names.year(), names == null ? null : names.ref(),
                    names == null ? null : names.title(), names == null ? null : names.area(),
                    names == null ? null : names.kfId(), names == null ? null : names.kfRef(),
                    names == null ? null : names.kfTitle()));
        }
        int measureCount = 0;
        for (List<MeasureState> goalMeasures : state.measures().values()) {
            for (MeasureState m : goalMeasures) {
                recordedMeasures.save(RecordedMeasure.of(row.id(), m));
                measureCount++;
            }
        }
        // the report texts as they read now, so later default changes leave the frozen reports as they were
        texts.freeze(state, state.goals().values(), actor.name());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("tertial", tertial.toString());
        after.put("activities", state.activities().size());
        after.put("goals", state.assessments().size());
        after.put("measures", measureCount);
        after.put("automatic", automatic);
        audit.record(actor, "tertial.closed", "tertial:" + tertial, null, null, after);
        return new CloseResult(row, true, state.activities().size(), state.assessments().size());
    }

    private CloseResult alreadyClosed(TertialRecordRow row) {
        return new CloseResult(row, false, recordedActivities.findByRecordId(row.id()).size(),
                recordedGoals.findByRecordId(row.id()).size());
    }

    /** Closing's lock (see the class comment): every goal, in id order so that two closes queue up. */
    private void lockGoals() {
        jdbc.prepareStatement("SELECT id FROM goal ORDER BY id FOR UPDATE", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(1);
                }
            }
            return null;
        });
    }

    /** A decision's lock (see the class comment): its goal's row, held until the decision's transaction ends. */
    void lockForDecision(long goalId) {
        jdbc.prepareStatement("SELECT id FROM goal WHERE id = ? FOR UPDATE", statement -> {
            statement.setLong(1, goalId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    private TertialState frozenState(TertialRecordRow row) {
        Tertial tertial = Tertial.parse(row.tertial());
        List<RecordedActivity> recorded = recordedActivities.findByRecordId(row.id());
        List<RecordedGoal> recordedGoalRows = recordedGoals.findByRecordId(row.id());
        // names come from the record; the live register only for records closed before names were kept
        Map<Long, String> departmentNames = recorded.stream().anyMatch(a -> a.departmentName() == null)
                ? StreamSupport.stream(departments.findAll().spliterator(), false)
                        .collect(Collectors.toMap(Department::id, Department::name))
                : Map.of();
        Map<Long, String> unitNames = recorded.stream().anyMatch(a -> a.unitId() != null && a.unitName() == null)
                ? StreamSupport.stream(units.findAll().spliterator(), false)
                        .collect(Collectors.toMap(OrgUnit::id, OrgUnit::name))
                : Map.of();
        List<ActivityState> activities = recorded.stream()
                .map(a -> new ActivityState(a.activityId(), a.ref(), a.title(), a.goalId(),
                        a.departmentName() != null ? a.departmentName() : departmentNames.getOrDefault(a.departmentId(), "?"),
                        a.unitId() == null ? null : a.unitName() != null ? a.unitName() : unitNames.get(a.unitId()),
                        a.departmentId(), a.unitId(), a.startDate(), a.endDate(), a.status(), a.comment(),
                        a.reportedFor() == null ? null : Tertial.parse(a.reportedFor()), a.description(),
                        Boolean.TRUE.equals(a.own())))
                .toList();
        Map<Long, AssessmentState> assessments = new HashMap<>(recordedGoalRows.stream()
                .collect(Collectors.toMap(RecordedGoal::goalId, g -> new AssessmentState(g.goalId(), g.suggested(),
                        g.reasoning() == null ? "" : g.reasoning(), g.assessment(), g.analysis()),
                        (a, b) -> a)));
        Map<Long, GoalNames> names = new HashMap<>();
        recordedGoalRows.forEach(g -> g.names().ifPresent(n -> names.putIfAbsent(n.goalId(), n)));
        boolean complete = activities.stream().allMatch(a -> names.containsKey(a.goalId()))
                && assessments.keySet().stream().allMatch(names::containsKey);
        if (!complete) {
            liveGoalNames().forEach(names::putIfAbsent);
        }
        Map<Long, List<MeasureState>> frozenMeasures = recordedMeasures.findByRecordIdOrderByMeasureId(row.id())
                .stream().map(RecordedMeasure::state)
                .collect(Collectors.groupingBy(MeasureState::goalId, LinkedHashMap::new, Collectors.toList()));
        return new TertialState(tertial, new TertialState.Frozen(row.frozenAt(), row.frozenBy(), row.automatic()),
                activities, assessments, names, frozenMeasures);
    }
}
