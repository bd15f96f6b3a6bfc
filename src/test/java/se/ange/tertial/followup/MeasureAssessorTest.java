package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureAssessorTest {

    private final MeasureAssessor assessor = new MeasureAssessor();

    private static BigDecimal n(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static MeasureFacts up(String baseline, String target, String outcome) {
        return new MeasureFacts("Fiberanslutna fastigheter", n(baseline), n(target), MeasureDirection.INCREASE, n(outcome));
    }

    private static MeasureFacts down(String baseline, String target, String outcome) {
        return new MeasureFacts("Sjukfrånvaro (%)", n(baseline), n(target), MeasureDirection.DECREASE, n(outcome));
    }

    @Test
    void reached_is_at_or_past_the_target_in_the_measures_direction() {
        assertThat(up("10", "60", "60").reached()).isTrue();
        assertThat(up("10", "60", "60.0000").reached()).isTrue();
        assertThat(up("10", "60", "61").reached()).isTrue();
        assertThat(up("10", "60", "59.99").reached()).isFalse();
        assertThat(down("12.49", "10", "10").reached()).isTrue();
        assertThat(down("12.49", "10", "9.5").reached()).isTrue();
        assertThat(down("12.49", "10", "10.01").reached()).isFalse();
        assertThat(up("10", null, "99").reached()).isFalse();
        assertThat(up("10", "60", null).reached()).isFalse();
    }

    @Test
    void improved_is_a_strict_move_from_the_baseline_the_right_way() {
        assertThat(up("10", "60", "11").improved()).isTrue();
        assertThat(up("10", "60", "10").improved()).isFalse();
        assertThat(up("10", "60", "9").improved()).isFalse();
        assertThat(down("12.49", "10", "12.48").improved()).isTrue();
        assertThat(down("12.49", "10", "12.49").improved()).isFalse();
        assertThat(down("12.49", "10", "13").improved()).isFalse();
        assertThat(up(null, "60", "30").improved()).isFalse();
        assertThat(up("10", "60", null).improved()).isFalse();
        assertThat(up("10", "60", "30").hasOutcome()).isTrue();
        assertThat(up("10", "60", null).hasOutcome()).isFalse();
    }

    @Test
    void every_measure_reached_is_uppfylld() {
        MeasureAssessor.Result one = assessor.suggest(List.of(down("12.49", "10", "9.8")));
        assertThat(one.assessment()).contains(GoalAssessment.UPPFYLLD);
        assertThat(one.reasoning()).isEqualTo("Bedömt efter målets mått: måttet har nått målvärdet.");
        MeasureAssessor.Result two = assessor.suggest(List.of(down("12.49", "10", "9.8"), up("0", "50", "50")));
        assertThat(two.assessment()).contains(GoalAssessment.UPPFYLLD);
        assertThat(two.reached()).isEqualTo(2);
        assertThat(two.reasoning()).isEqualTo("Bedömt efter målets mått: alla 2 mått har nått målvärdet.");
    }

    @Test
    void one_reached_and_one_improved_is_delvis_and_says_how() {
        MeasureAssessor.Result result = assessor.suggest(List.of(up("0", "50", "55"), down("12.49", "10", "11")));
        assertThat(result.assessment()).contains(GoalAssessment.DELVIS_UPPFYLLD);
        assertThat(result.measures()).isEqualTo(2);
        assertThat(result.reached()).isEqualTo(1);
        assertThat(result.improved()).isEqualTo(1);
        assertThat(result.withoutOutcome()).isZero();
        assertThat(result.reasoning()).isEqualTo(
                "Bedömt efter målets mått: 1 av 2 mått har nått målvärdet, 1 har förbättrats sedan utgångsvärdet.");
    }

    @Test
    void the_share_of_measures_on_track_decides_below_uppfylld() {
        MeasureFacts reached = up("0", "50", "50");
        MeasureFacts improved = up("0", "50", "1");
        MeasureFacts worse = down("5", "4", "6");
        // exactly two thirds on track
        assertThat(assessor.suggest(List.of(reached, improved, worse)).assessment()).contains(GoalAssessment.DELVIS_UPPFYLLD);
        // one of two: below two thirds, at least one third
        assertThat(assessor.suggest(List.of(improved, worse)).assessment()).contains(GoalAssessment.KNAPPT_UPPFYLLD);
        // exactly one third
        assertThat(assessor.suggest(List.of(improved, worse, worse)).assessment()).contains(GoalAssessment.KNAPPT_UPPFYLLD);
        // one of four: below one third
        MeasureAssessor.Result ej = assessor.suggest(List.of(reached, worse, worse, worse));
        assertThat(ej.assessment()).contains(GoalAssessment.EJ_UPPFYLLD);
        assertThat(ej.reasoning()).isEqualTo(
                "Bedömt efter målets mått: 1 av 4 mått har nått målvärdet, 0 har förbättrats sedan utgångsvärdet.");
        // a single improved measure is on track but not reached
        assertThat(assessor.suggest(List.of(improved)).assessment()).contains(GoalAssessment.DELVIS_UPPFYLLD);
        assertThat(assessor.suggest(List.of(worse)).assessment()).contains(GoalAssessment.EJ_UPPFYLLD);
    }

    @Test
    void a_measure_without_an_outcome_is_not_on_track_and_is_named() {
        MeasureAssessor.Result result = assessor.suggest(List.of(up("0", "50", "60"), up("0", "50", null)));
        assertThat(result.assessment()).contains(GoalAssessment.KNAPPT_UPPFYLLD);
        assertThat(result.withoutOutcome()).isEqualTo(1);
        assertThat(result.reasoning()).isEqualTo("Bedömt efter målets mått: 1 av 2 mått har nått målvärdet, "
                + "0 har förbättrats sedan utgångsvärdet. 1 mått saknar utfall.");
        MeasureAssessor.Result two = assessor.suggest(List.of(up("0", "50", "10"), up("0", "50", null), down("3", "2", null)));
        assertThat(two.assessment()).contains(GoalAssessment.KNAPPT_UPPFYLLD);
        assertThat(two.reasoning()).endsWith(" 2 mått saknar utfall.");
    }

    @Test
    void no_outcome_at_all_gives_no_suggestion_and_says_so() {
        MeasureAssessor.Result one = assessor.suggest(List.of(up("0", "50", null)));
        assertThat(one.assessment()).isEmpty();
        assertThat(one.withoutOutcome()).isEqualTo(1);
        assertThat(one.reasoning()).isEqualTo("Bedömt efter målets mått: måttet har inget utfall än, så inget förslag ges.");
        MeasureAssessor.Result two = assessor.suggest(List.of(up("0", "50", null), down("3", "2", null)));
        assertThat(two.assessment()).isEmpty();
        assertThat(two.reasoning()).isEqualTo(
                "Bedömt efter målets mått: inget av de 2 måtten har något utfall än, så inget förslag ges.");
        MeasureAssessor.Result none = assessor.suggest(Collections.emptyList());
        assertThat(none.assessment()).isEmpty();
        assertThat(none.reasoning()).isEqualTo("Bedömt efter målets mått: målet har inga mått, så inget förslag ges.");
    }

    @Test
    void a_goal_without_activities_says_so_with_its_basis() {
        assertThat(new GoalAssessor().suggest(List.of(), java.time.LocalDate.parse("2024-04-30")).reasoning())
                .isEqualTo("Bedömt efter aktiviteterna: målet har inga aktiviteter i tertialet, så inget förslag ges.");
    }
}
