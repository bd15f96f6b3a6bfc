package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.Tertial;

/**
 * Everything a report needs of one tertial: the activities that had to report for it and every KS goal's
 * assessment. From the frozen record when the tertial is closed ({@code frozen} set), else live.
 */
public record TertialState(Tertial tertial, @Nullable Frozen frozen, List<ActivityState> activities,
                           Map<Long, AssessmentState> assessments) {

    /** Who closed the tertial and when; {@code automatic} when the daily check did. */
    public record Frozen(Instant at, String by, boolean automatic) {
    }

    public TertialState {
        activities = List.copyOf(activities);
        assessments = Map.copyOf(assessments);
    }

    public boolean isFrozen() {
        return frozen != null;
    }
}
