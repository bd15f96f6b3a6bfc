package se.ange.tertial.followup;

import java.util.Optional;

/**
 * A suggested goal assessment and why. Empty {@code assessment} means the activities say nothing
 * (the goal has none) and the goal must be judged by its measures.
 */
public record AssessmentSuggestion(Optional<GoalAssessment> assessment, int activities, int onTrack,
                                   int completedAsPlanned, String reasoning) {
}
