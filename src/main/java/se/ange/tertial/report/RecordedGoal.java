package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import se.ange.tertial.followup.GoalAssessment;

/**
 * One KS goal's assessment as it stood when its tertial was closed, with the goal's names then (see
 * {@link GoalNames}; {@code goalRef} null only in records closed before those were kept).
 */
@MappedEntity("tertial_record_goal")
record RecordedGoal(@Id @GeneratedValue @Nullable Long id, Long recordId, Long goalId,
                    @Nullable GoalAssessment suggested, @Nullable String reasoning,
                    @Nullable GoalAssessment assessment, @Nullable String analysis,
                    @Nullable Integer goalYear, @Nullable String goalRef, @Nullable String goalTitle,
                    @Nullable String goalArea, @Nullable Long kfGoalId, @Nullable String kfRef,
                    @Nullable String kfTitle) {

    /** The names recorded with the assessment, when there are. */
    java.util.Optional<GoalNames> names() {
        return goalRef == null || goalYear == null || goalTitle == null || kfGoalId == null ? java.util.Optional.empty()
                : java.util.Optional.of(new GoalNames(goalId, goalYear, goalRef, goalTitle, goalArea, kfGoalId,
                        kfRef == null ? goalRef : kfRef, kfTitle == null ? goalTitle : kfTitle));
    }
}
