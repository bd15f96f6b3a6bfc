package se.ange.tertial.followup;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * Suggests a goal's assessment from its activities; the user may always override it.
 *
 * <p>The governance model (styrmodell) fixes one rule: when every activity is completed as planned the
 * goal is <i>Uppfylld</i>. Everything else is a judgement, so the suggestion is a plain, explainable
 * proportion: the share of activities "on track" (completed as planned, or in progress on plan and not
 * past the end date, or not due to start yet). At least two thirds on track suggests <i>Delvis
 * uppfylld</i>, at least one third <i>Knappt uppfylld</i>, fewer <i>Ej uppfylld</i>. An unreported
 * activity is not counted as on track: the register cannot vouch for it.
 */
public final class GoalAssessor {

    /** Names the basis first: a goal with measures is assessed by them instead ({@link MeasureAssessor}). */
    static final String BASIS = "Bedömt efter aktiviteterna: ";

    public AssessmentSuggestion suggest(Collection<ActivityFacts> activities, LocalDate asOf) {
        int total = activities.size();
        if (total == 0) {
            return new AssessmentSuggestion(Optional.empty(), 0, 0, 0,
                    BASIS + "målet har inga aktiviteter i tertialet, så inget förslag ges.");
        }
        int completedAsPlanned = (int) activities.stream()
                .filter(a -> a.currentStatus().orElse(null) == Status.AVSLUTAD_ENLIGT_PLAN).count();
        int onTrack = (int) activities.stream().filter(a -> isOnTrack(a, asOf)).count();
        GoalAssessment assessment = byShare(completedAsPlanned == total, onTrack, total);
        String reasoning = BASIS + (completedAsPlanned == total
                ? (total == 1 ? "den enda aktiviteten är avslutad enligt plan."
                        : "alla %d aktiviteter är avslutade enligt plan.".formatted(total))
                : "%d av %s går enligt plan%s.".formatted(onTrack, Counted.of(total, Counted.ACTIVITY),
                        // "(0 avslutade enligt plan)" on most goals early in the year says nothing
                        completedAsPlanned == 0 ? ""
                                : " (" + Counted.of(completedAsPlanned, "avslutad", "avslutade") + " enligt plan)"));
        return new AssessmentSuggestion(Optional.of(assessment), total, onTrack, completedAsPlanned, reasoning);
    }

    /**
     * The share rule both assessors use (activities and measures): everything done → Uppfylld; at least two
     * thirds on track → Delvis uppfylld; at least one third → Knappt uppfylld; fewer → Ej uppfylld.
     */
    static GoalAssessment byShare(boolean allDone, int onTrack, int total) {
        if (allDone) {
            return GoalAssessment.UPPFYLLD;
        }
        if (onTrack * 3 >= total * 2) {
            return GoalAssessment.DELVIS_UPPFYLLD;
        }
        return onTrack * 3 >= total ? GoalAssessment.KNAPPT_UPPFYLLD : GoalAssessment.EJ_UPPFYLLD;
    }

    private static boolean isOnTrack(ActivityFacts activity, LocalDate asOf) {
        Status status = activity.currentStatus().orElse(null);
        if (status == Status.AVSLUTAD_ENLIGT_PLAN) {
            return true;
        }
        boolean withinDates = activity.endDate() == null || !activity.endDate().isBefore(asOf);
        if (status == Status.PAGAENDE_ENLIGT_PLAN) {
            return withinDates;
        }
        return status == Status.EJ_PABORJAD && activity.startDate() != null && activity.startDate().isAfter(asOf);
    }
}
