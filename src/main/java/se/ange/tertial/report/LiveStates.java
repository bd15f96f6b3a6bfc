package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import se.ange.tertial.followup.ActivityFacts;
import se.ange.tertial.followup.AssessmentSuggestion;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.GoalAssessor;
import se.ange.tertial.followup.MeasureAssessor;
import se.ange.tertial.followup.MeasureFacts;
import se.ange.tertial.followup.ReportFact;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.goal.Measure;
import se.ange.tertial.register.goal.MeasureOutcome;

/**
 * Reads a tertial's state from the live register, and suggests goal assessments: by the goal's measures
 * where it has any, else by its activities (the styrmodell, seed 004). Plain Java: the register's views in,
 * values out.
 */
public final class LiveStates {

    /** What people decided about a goal in a tertial (either part may be empty). */
    public record Decision(@Nullable GoalAssessment assessment, @Nullable String analysis) {
    }

    private final GoalAssessor assessor;
    private final MeasureAssessor measureAssessor;

    public LiveStates(GoalAssessor assessor) {
        this(assessor, new MeasureAssessor());
    }

    public LiveStates(GoalAssessor assessor, MeasureAssessor measureAssessor) {
        this.assessor = assessor;
        this.measureAssessor = measureAssessor;
    }

    /**
     * The activities that must report for the tertial (started by its close, not completed earlier),
     * each with its latest report for that tertial or an earlier one; later tertials' reports are ignored.
     */
    public List<ActivityState> activities(Collection<ActivityView> views, Tertial tertial) {
        return views.stream()
                .filter(view -> view.factsUpTo(tertial).isActiveIn(tertial))
                .map(view -> state(view, tertial))
                .toList();
    }

    /** Every goal's assessment: the suggestion from the goal's activities as of the close, and the decision. */
    public Map<Long, AssessmentState> assessments(Collection<ActivityState> activities, Tertial tertial,
                                                  Map<Long, Decision> decisions) {
        return assessments(activities, Map.of(), tertial, decisions);
    }

    /**
     * Every goal's assessment: suggested from the goal's measures when it has any, else from its activities
     * as of the close (the styrmodell's rule), with the decision. Goals with measures but no activity in the
     * tertial are assessed too.
     */
    public Map<Long, AssessmentState> assessments(Collection<ActivityState> activities,
                                                  Map<Long, List<MeasureState>> measures, Tertial tertial,
                                                  Map<Long, Decision> decisions) {
        Map<Long, List<ActivityState>> byGoal = activities.stream()
                .collect(Collectors.groupingBy(ActivityState::goalId));
        Map<Long, AssessmentState> result = new HashMap<>();
        byGoal.forEach((goalId, goalActivities) -> result.put(goalId, assess(goalId, goalActivities,
                measures.getOrDefault(goalId, List.of()), tertial, decisions.get(goalId))));
        measures.forEach((goalId, goalMeasures) -> {
            if (!goalMeasures.isEmpty()) {
                result.computeIfAbsent(goalId, id -> assess(id, List.of(), goalMeasures, tertial, decisions.get(id)));
            }
        });
        decisions.forEach((goalId, decision) -> result.computeIfAbsent(goalId,
                id -> assess(id, List.of(), List.of(), tertial, decision)));
        return result;
    }

    public AssessmentState assess(long goalId, Collection<ActivityState> goalActivities, Tertial tertial,
                                  @Nullable Decision decision) {
        return assess(goalId, goalActivities, List.of(), tertial, decision);
    }

    /** One goal: by its measures when it has any (even without outcomes: then no suggestion), else its activities. */
    public AssessmentState assess(long goalId, Collection<ActivityState> goalActivities,
                                  Collection<MeasureState> goalMeasures, Tertial tertial,
                                  @Nullable Decision decision) {
        Optional<GoalAssessment> suggested;
        String reasoning;
        if (goalMeasures.isEmpty()) {
            AssessmentSuggestion suggestion = assessor.suggest(
                    goalActivities.stream().map(ActivityState::facts).toList(), tertial.closingDate());
            suggested = suggestion.assessment();
            reasoning = suggestion.reasoning();
        } else {
            MeasureAssessor.Result result = measureAssessor.suggest(goalMeasures.stream()
                    .map(m -> new MeasureFacts(m.name(), m.baseline(), m.target(), m.direction(), m.outcome()))
                    .toList());
            suggested = result.assessment();
            reasoning = result.reasoning();
        }
        return new AssessmentState(goalId, suggested.orElse(null), reasoning,
                decision == null ? null : decision.assessment(), decision == null ? null : decision.analysis());
    }

    /**
     * The measures of the tertial's goals as they stand at its close: each with its latest outcome reported
     * for that tertial or an earlier one of the same plan year (later tertials' and other years' are ignored).
     *
     * @param measures the measures of the plan year's goals
     */
    public Map<Long, List<MeasureState>> measures(Collection<Measure> measures, Collection<MeasureOutcome> outcomes,
                                                  Tertial tertial) {
        Map<Long, MeasureOutcome> latest = new HashMap<>();
        for (MeasureOutcome outcome : outcomes) {
            Tertial reportedFor = Tertial.parse(outcome.tertial());
            if (reportedFor.year() != tertial.year() || reportedFor.isAfter(tertial)) {
                continue;
            }
            latest.merge(outcome.measureId(), outcome,
                    (a, b) -> Tertial.parse(a.tertial()).isAfter(Tertial.parse(b.tertial())) ? a : b);
        }
        Map<Long, List<MeasureState>> byGoal = new HashMap<>();
        measures.stream().sorted(Comparator.comparing(Measure::id)).forEach(m -> {
            MeasureOutcome outcome = latest.get(m.id());
            byGoal.computeIfAbsent(m.goalId(), id -> new ArrayList<>()).add(new MeasureState(m.id(), m.goalId(),
                    m.name(), m.unit(), m.baseline(), m.target(), m.direction(),
                    outcome == null ? null : outcome.outcome(),
                    outcome == null ? null : Tertial.parse(outcome.tertial()),
                    outcome == null ? null : outcome.reportedBy(), outcome == null ? null : outcome.reportedAt()));
        });
        return byGoal;
    }

    private static ActivityState state(ActivityView view, Tertial tertial) {
        ActivityFacts facts = view.factsUpTo(tertial);
        ReportFact latest = facts.latestReport().orElse(null);
        var activity = view.activity();
        return new ActivityState(activity.id(), activity.ref(), activity.title(), activity.goalId(),
                view.department(), view.unit(), activity.departmentId(), activity.unitId(),
                activity.startDate(), activity.endDate(),
                latest == null ? null : latest.status(), latest == null ? null : latest.comment(),
                latest == null ? null : latest.tertial(), activity.description(),
                activity.source() == ActivitySource.UNIT);
    }
}
