package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;

/**
 * The goals of a tertial's report workspace: the plan year's KS goals by KF goal, each with its suggestion
 * and decision as the reports show them (frozen once the tertial is closed). Stab sees every goal; a manager
 * the goals they may decide, those wholly in their department ({@link ReportAccess#canAssess}, the
 * assessment API's rule).
 */
@Singleton
public class WorkspaceGoals {

    /** One KS goal's row: the suggestion (null when the rule has none) and the decision (null: none yet). */
    public record Row(int year, String ref, String title, @Nullable GoalAssessment suggested, String reasoning,
                      @Nullable GoalAssessment chosen, boolean byMeasures) {
    }

    /** A KF goal with its KS goals in plan order. */
    public record Group(String ref, String title, List<Row> goals) {
    }

    /** The goals, and who closed the tertial when it is closed (null while it is open). */
    public record Overview(@Nullable TertialState.Frozen frozen, List<Group> groups) {
    }

    private final TertialRecords records;
    private final ActivityCatalog catalog;
    private final LiveStates live;

    WorkspaceGoals(TertialRecords records, ActivityCatalog catalog, LiveStates live) {
        this.records = records;
        this.catalog = catalog;
        this.live = live;
    }

    /** Whether the tertial is closed, by whom and when (null while open). */
    public @Nullable TertialState.Frozen frozen(Tertial tertial) {
        return records.state(tertial).frozen();
    }

    public Overview of(Tertial tertial, Caller caller) {
        TertialState state = records.state(tertial);
        Map<Long, GoalNames> names = new HashMap<>(records.liveGoalNames());
        names.putAll(state.goals());
        Map<Long, List<Long>> departmentsByGoal = catalog.all().stream().map(ActivityView::activity)
                .collect(Collectors.groupingBy(a -> a.goalId(), Collectors.mapping(a -> a.departmentId(),
                        Collectors.toList())));
        boolean everything = caller.has(se.ange.tertial.register.org.Role.STAB);
        Map<Long, Group> groups = new LinkedHashMap<>();
        Map<Long, List<Row>> rows = new HashMap<>();
        for (GoalNames goal : PlanGoals.ksGoalsOf(names.values(), tertial.year())) {
            if (!everything && !ReportAccess.canAssess(caller, departmentsByGoal.getOrDefault(goal.goalId(), List.of()))) {
                continue;
            }
            AssessmentState assessment = state.assessments().get(goal.goalId());
            if (assessment == null) {
                List<ActivityState> activities = state.activities().stream()
                        .filter(a -> a.goalId() == goal.goalId()).toList();
                assessment = live.assess(goal.goalId(), activities, state.measuresOf(goal.goalId()), tertial, null);
            }
            groups.computeIfAbsent(goal.kfId(), id -> new Group(goal.kfRef(), goal.kfTitle(), new ArrayList<>()));
            rows.computeIfAbsent(goal.kfId(), id -> new ArrayList<>()).add(new Row(goal.year(), goal.ref(),
                    goal.title(), assessment.suggested(), assessment.reasoning(), assessment.chosen(),
                    !state.measuresOf(goal.goalId()).isEmpty()));
        }
        return new Overview(state.frozen(), groups.entrySet().stream()
                .map(e -> new Group(e.getValue().ref(), e.getValue().title(), List.copyOf(rows.get(e.getKey()))))
                .sorted(java.util.Comparator.comparing(Group::ref, GoalRefs.ORDER))
                .toList());
    }
}
