package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import se.ange.tertial.followup.GoalAssessment;

/** What people decided about a KS goal in a tertial; {@code assessment} null keeps the suggestion. */
@MappedEntity("goal_assessment")
record GoalAssessmentRow(@Id @GeneratedValue @Nullable Long id, Long goalId, String tertial,
                         @Nullable GoalAssessment assessment, @Nullable String analysis, String decidedBy,
                         Instant decidedAt) {
}
