package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.ange.tertial.followup.ActivityFacts;
import se.ange.tertial.followup.AssessmentSuggestion;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.GoalAssessor;
import se.ange.tertial.followup.ReportFact;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityView;

/**
 * Reads a tertial's state from the live register, and suggests goal assessments. Plain Java: the
 * register's views in, values out.
 */
public final class LiveStates {

    /** What people decided about a goal in a tertial (either part may be empty). */
    public record Decision(@Nullable GoalAssessment assessment, @Nullable String analysis) {
    }

    private final GoalAssessor assessor;

    public LiveStates(GoalAssessor assessor) {
        this.assessor = assessor;
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
        Map<Long, List<ActivityState>> byGoal = activities.stream()
                .collect(Collectors.groupingBy(ActivityState::goalId));
        Map<Long, AssessmentState> result = new HashMap<>();
        byGoal.forEach((goalId, goalActivities) -> result.put(goalId, assess(goalId, goalActivities, tertial,
                decisions.get(goalId))));
        decisions.forEach((goalId, decision) -> result.computeIfAbsent(goalId,
                id -> assess(id, List.of(), tertial, decision)));
        return result;
    }

    public AssessmentState assess(long goalId, Collection<ActivityState> goalActivities, Tertial tertial,
                                  @Nullable Decision decision) {
        AssessmentSuggestion suggestion = assessor.suggest(
                goalActivities.stream().map(ActivityState::facts).toList(), tertial.closingDate());
        return new AssessmentState(goalId, suggestion.assessment().orElse(null), suggestion.reasoning(),
                decision == null ? null : decision.assessment(), decision == null ? null : decision.analysis());
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
