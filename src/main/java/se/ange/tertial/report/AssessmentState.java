package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import se.ange.tertial.followup.GoalAssessment;

/**
 * A KS goal's assessment in a tertial: the rule's suggestion (with its reasoning), what people chose
 * (null: the suggestion stands) and their analysis.
 */
public record AssessmentState(long goalId, @Nullable GoalAssessment suggested, String reasoning,
                              @Nullable GoalAssessment chosen, @Nullable String analysis) {

    /** The assessment the report shows: the chosen one, else the suggestion. */
    public Optional<GoalAssessment> effective() {
        return Optional.ofNullable(chosen != null ? chosen : suggested);
    }

    /** True when the report shows the rule's suggestion rather than a decision. */
    public boolean isSuggestion() {
        return chosen == null && suggested != null;
    }
}
