package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import se.ange.tertial.followup.GoalAssessment;

/** One KS goal's assessment as it stood when its tertial was closed. */
@MappedEntity("tertial_record_goal")
record RecordedGoal(@Id @GeneratedValue @Nullable Long id, Long recordId, Long goalId,
                    @Nullable GoalAssessment suggested, @Nullable String reasoning,
                    @Nullable GoalAssessment assessment, @Nullable String analysis) {
}
