package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.GoalAssessor;
import se.ange.tertial.followup.MeasureDirection;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.goal.Measure;
import se.ange.tertial.register.goal.MeasureOutcome;

/** The live tertial state's measures and the choice of basis: measures where a goal has any, else activities. */
class LiveStatesMeasuresTest {

    static final Tertial T1 = Tertial.parse("2024-T1");
    static final Tertial T2 = Tertial.parse("2024-T2");
    static final Tertial T3 = Tertial.parse("2024-T3");

    final LiveStates live = new LiveStates(new GoalAssessor());
    final Measure sickLeave = new Measure(1L, 41L, "Sjukfrånvaro (%)", "%", new BigDecimal("12.49"),
            LocalDate.parse("2023-09-30"), new BigDecimal("10"), MeasureDirection.DECREASE);
    final Measure visitors = new Measure(2L, 41L, "Besökare", null, null, null, new BigDecimal("100"),
            MeasureDirection.INCREASE);
    final Measure other = new Measure(3L, 42L, "Fiber", "st", BigDecimal.ZERO, null, new BigDecimal("50"),
            MeasureDirection.INCREASE);

    static MeasureOutcome outcome(long measure, String tertial, String value) {
        return new MeasureOutcome(null, measure, tertial, new BigDecimal(value), null, "sara@ange.example", 7L,
                Instant.parse("2024-04-25T10:00:00Z"));
    }

    @Test
    void each_measure_has_its_latest_outcome_by_the_tertial_of_the_same_year() {
        List<MeasureOutcome> outcomes = List.of(outcome(1, "2023-T3", "12.49"), outcome(1, "2024-T1", "11.5"),
                outcome(1, "2024-T3", "9"), outcome(1, "2024-T2", "10.5"), outcome(3, "2024-T1", "20"));
        Map<Long, List<MeasureState>> inT2 = live.measures(List.of(other, visitors, sickLeave), outcomes, T2);
        assertThat(inT2.keySet()).containsExactlyInAnyOrder(41L, 42L);
        assertThat(inT2.get(41L)).extracting(MeasureState::measureId).containsExactly(1L, 2L);
        MeasureState sick = inT2.get(41L).get(0);
        assertThat(sick.outcome()).isEqualByComparingTo("10.5");
        assertThat(sick.outcomeFor()).isEqualTo(T2);
        assertThat(sick.reportedBy()).isEqualTo("sara@ange.example");
        assertThat(sick.baseline()).isEqualByComparingTo("12.49");
        assertThat(sick.direction()).isEqualTo(MeasureDirection.DECREASE);
        assertThat(inT2.get(41L).get(1).outcome()).isNull();
        assertThat(inT2.get(41L).get(1).outcomeFor()).isNull();
        assertThat(inT2.get(42L).get(0).outcomeFor()).isEqualTo(T1);

        assertThat(live.measures(List.of(sickLeave), outcomes, T1).get(41L).get(0).outcome()).isEqualByComparingTo("11.5");
        assertThat(live.measures(List.of(sickLeave), outcomes, T3).get(41L).get(0).outcome()).isEqualByComparingTo("9");
        // last year's outcome is not this year's
        assertThat(live.measures(List.of(sickLeave), List.of(outcome(1, "2023-T3", "12")), T1).get(41L).get(0).outcome())
                .isNull();
    }

    @Test
    void a_goal_with_measures_is_assessed_by_them_and_one_without_by_its_activities() {
        List<ActivityState> activities = List.of(
                LiveStatesTest.activity(1, 41, Status.AVSLUTAD_ENLIGT_PLAN, T1, LocalDate.parse("2024-03-31")),
                LiveStatesTest.activity(2, 43, Status.AVSLUTAD_ENLIGT_PLAN, T1, LocalDate.parse("2024-03-31")));
        Map<Long, List<MeasureState>> measures = live.measures(List.of(sickLeave, visitors, other),
                List.of(outcome(1, "2024-T1", "11"), outcome(3, "2024-T1", "50")), T1);
        Map<Long, AssessmentState> assessed = live.assessments(activities, measures, T1,
                Map.of(44L, new LiveStates.Decision(GoalAssessment.DELVIS_UPPFYLLD, "Analys")));

        assertThat(assessed.keySet()).containsExactlyInAnyOrder(41L, 42L, 43L, 44L);
        // 41: its activity is done as planned, but its measures decide: 0 reached, 1 improved, 1 without outcome
        assertThat(assessed.get(41L).suggested()).isEqualTo(GoalAssessment.KNAPPT_UPPFYLLD);
        assertThat(assessed.get(41L).reasoning()).isEqualTo("Bedömt efter målets mått: 0 av 2 mått har nått "
                + "målvärdet, 1 har förbättrats sedan utgångsvärdet. 1 mått saknar utfall.");
        // 42: measures only, no activity in the tertial
        assertThat(assessed.get(42L).suggested()).isEqualTo(GoalAssessment.UPPFYLLD);
        assertThat(assessed.get(42L).reasoning()).isEqualTo("Bedömt efter målets mått: måttet har nått målvärdet.");
        // 43: no measures, by its activities
        assertThat(assessed.get(43L).suggested()).isEqualTo(GoalAssessment.UPPFYLLD);
        assertThat(assessed.get(43L).reasoning()).startsWith("Bedömt efter aktiviteterna: ");
        // 44: only a decision
        assertThat(assessed.get(44L).chosen()).isEqualTo(GoalAssessment.DELVIS_UPPFYLLD);
        assertThat(assessed.get(44L).suggested()).isNull();
    }
}
