package se.ange.tertial.followup;

import java.util.Collection;
import java.util.Optional;

/**
 * Suggests a goal's assessment from its measures (mått). The styrmodell (seed 004) says a goal with adopted
 * measures is assessed by them, otherwise by its activities ({@link GoalAssessor}).
 *
 * <p>Per measure: <i>reached</i> when the outcome is at or past the target in the measure's direction,
 * <i>improved</i> when it has moved from the baseline the right way without reaching the target, else not on
 * track (also a measure without an outcome: nothing vouches for it). Every measure reached suggests
 * <i>Uppfylld</i>; otherwise the same share rule as for activities, with reached and improved measures as
 * "on track": at least two thirds <i>Delvis uppfylld</i>, at least one third <i>Knappt uppfylld</i>, fewer
 * <i>Ej uppfylld</i>. When no measure has an outcome there is no suggestion, and the reasoning says so.
 */
public final class MeasureAssessor {

    static final String BASIS = "Bedömt efter målets mått: ";

    /** The suggestion (empty: no outcome to go by) with its counts and a Swedish reasoning. */
    public record Result(Optional<GoalAssessment> assessment, int measures, int reached, int improved,
                         int withoutOutcome, String reasoning) {
    }

    public Result suggest(Collection<MeasureFacts> measures) {
        int total = measures.size();
        int reached = (int) measures.stream().filter(MeasureFacts::reached).count();
        int improved = (int) measures.stream().filter(m -> !m.reached() && m.improved()).count();
        int withoutOutcome = (int) measures.stream().filter(m -> !m.hasOutcome()).count();
        if (withoutOutcome == total) {
            String none = total == 0 ? "målet har inga mått, så inget förslag ges."
                    : total == 1 ? "måttet har inget utfall än, så inget förslag ges."
                    : "inget av de %d måtten har något utfall än, så inget förslag ges.".formatted(total);
            return new Result(Optional.empty(), total, 0, 0, withoutOutcome, BASIS + none);
        }
        int onTrack = reached + improved;
        GoalAssessment assessment = GoalAssessor.byShare(reached == total, onTrack, total);
        return new Result(Optional.of(assessment), total, reached, improved, withoutOutcome,
                BASIS + reasoning(total, reached, improved, withoutOutcome));
    }

    private static String reasoning(int total, int reached, int improved, int withoutOutcome) {
        if (reached == total) {
            return total == 1 ? "måttet har nått målvärdet." : "alla %d mått har nått målvärdet.".formatted(total);
        }
        String text = "%d av %s har nått målvärdet, %d har förbättrats sedan utgångsvärdet."
                .formatted(reached, Counted.of(total, Counted.MEASURE), improved);
        return withoutOutcome == 0 ? text
                : text + " %s saknar utfall.".formatted(Counted.of(withoutOutcome, Counted.MEASURE));
    }
}
