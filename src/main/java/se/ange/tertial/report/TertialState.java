package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.Tertial;

/**
 * Everything a report needs of one tertial: the activities that had to report for it, every KS goal's
 * assessment, the goals' names and their measures (by KS goal id). From the frozen record when the tertial is closed ({@code frozen} set,
 * the names as they were at the close), else live.
 */
public record TertialState(Tertial tertial, @Nullable Frozen frozen, List<ActivityState> activities,
                           Map<Long, AssessmentState> assessments, Map<Long, GoalNames> goals,
                           Map<Long, List<MeasureState>> measures) {

    /** Who closed the tertial and when; {@code automatic} when the daily check did. */
    public record Frozen(Instant at, String by, boolean automatic) {
    }

    public TertialState {
        activities = List.copyOf(activities);
        assessments = Map.copyOf(assessments);
        goals = Map.copyOf(goals);
        measures = Map.copyOf(measures);
    }

    /** Without measures (no goal of the tertial has any). */
    public TertialState(Tertial tertial, @Nullable Frozen frozen, List<ActivityState> activities,
                        Map<Long, AssessmentState> assessments, Map<Long, GoalNames> goals) {
        this(tertial, frozen, activities, assessments, goals, Map.of());
    }

    /** A KS goal's measures in the tertial (empty when it has none). */
    public List<MeasureState> measuresOf(long goalId) {
        return measures.getOrDefault(goalId, List.of());
    }

    /** Without goal names (a report shows only goals it has names for). */
    public TertialState(Tertial tertial, @Nullable Frozen frozen, List<ActivityState> activities,
                        Map<Long, AssessmentState> assessments) {
        this(tertial, frozen, activities, assessments, Map.of());
    }

    public boolean isFrozen() {
        return frozen != null;
    }
}
