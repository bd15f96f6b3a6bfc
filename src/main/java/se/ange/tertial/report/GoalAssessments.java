package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.system.ProblemException;

/**
 * Goal assessments per tertial: the suggestion (from the goal's measures by
 * {@link se.ange.tertial.followup.MeasureAssessor} where it has any, else from its activities by
 * {@link se.ange.tertial.followup.GoalAssessor}; the reasoning names the basis) and what people decide
 * instead, with their analysis. A closed tertial's assessments are frozen with it.
 */
@Singleton
public class GoalAssessments {

    /**
     * A goal's assessment in a tertial with the goal's activities there, who decided last, and the goal's
     * measures (when there are any, they are the suggestion's basis).
     */
    public record View(Goal goal, Tertial tertial, AssessmentState state, List<ActivityState> activities,
                       boolean frozen, @Nullable String decidedBy, @Nullable java.time.Instant decidedAt,
                       List<MeasureState> measures) {

        /** What the suggestion went by. */
        public boolean byMeasures() {
            return !measures.isEmpty();
        }
    }

    private final TertialRecords records;
    private final ActivityCatalog catalog;
    private final GoalAssessmentRepository decisions;
    private final LiveStates live;
    private final AuditLog audit;
    private final Clock clock;

    GoalAssessments(TertialRecords records, ActivityCatalog catalog, GoalAssessmentRepository decisions,
                    LiveStates live, AuditLog audit, Clock clock) {
        this.records = records;
        this.catalog = catalog;
        this.decisions = decisions;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    public View view(Goal goal, Tertial tertial) {
        TertialState state = records.state(tertial);
        List<ActivityState> activities = state.activities().stream().filter(a -> a.goalId() == goal.id()).toList();
        AssessmentState assessment = Optional.ofNullable(state.assessments().get(goal.id()))
                .orElseGet(() -> live.assess(goal.id(), activities, state.measuresOf(goal.id()), tertial, null));
        Optional<GoalAssessmentRow> decided = decisions.findByGoalIdAndTertial(goal.id(), tertial.toString());
        return new View(goal, tertial, assessment, activities, state.isFrozen(),
                decided.map(GoalAssessmentRow::decidedBy).orElse(null),
                decided.map(GoalAssessmentRow::decidedAt).orElse(null), state.measuresOf(goal.id()));
    }

    /**
     * The department of every activity of the goal in the register, whatever the tertial (who may decide
     * the goal's assessment is judged on all of them, see {@link ReportAccess#canAssess}).
     */
    public List<Long> departmentsOfAllActivities(Goal goal) {
        return catalog.all().stream().map(ActivityView::activity).filter(a -> goal.id().equals(a.goalId()))
                .map(a -> a.departmentId()).toList();
    }

    /**
     * Records a decision ({@code assessment} null: the suggestion stands, only the analysis is kept).
     * Refused (409) once the tertial is closed.
     */
    @Transactional
    public void decide(Goal goal, Tertial tertial, @Nullable GoalAssessment assessment, @Nullable String analysis,
                       Actor actor) {
        // the goal's row lock, which closing takes too (see TertialRecords): a close that runs meanwhile
        // either ends before our look below (we refuse) or waits for our commit (it records the decision)
        records.lockForDecision(goal.id());
        if (records.record(tertial).isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT,
                    "Tertial %s är låst; målbedömningen kan inte längre ändras".formatted(tertial), List.of());
        }
        String cleanAnalysis = analysis == null || analysis.isBlank() ? null : analysis.strip();
        Optional<GoalAssessmentRow> before = decisions.findByGoalIdAndTertial(goal.id(), tertial.toString());
        GoalAssessmentRow row = new GoalAssessmentRow(before.map(GoalAssessmentRow::id).orElse(null), goal.id(),
                tertial.toString(), assessment, cleanAnalysis, actor.name(), clock.instant());
        if (before.isPresent()) {
            decisions.update(row);
        } else {
            decisions.save(row);
        }
        audit.record(actor, "goal.assessed", subject(goal), null, before.map(GoalAssessments::describe).orElse(null),
                describe(row));
    }

    static String subject(Goal goal) {
        return "goal:%d:%s".formatted(goal.year(), goal.ref());
    }

    private static Map<String, Object> describe(GoalAssessmentRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tertial", row.tertial());
        values.put("assessment", row.assessment() == null ? null : row.assessment().name());
        values.put("analysis", row.analysis());
        return values;
    }
}
