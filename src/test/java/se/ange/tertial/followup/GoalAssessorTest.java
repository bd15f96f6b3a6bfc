package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalAssessorTest {

    private final GoalAssessor assessor = new GoalAssessor();
    private static final LocalDate YEAR_END = LocalDate.parse("2024-12-31");

    private static ActivityFacts withStatus(Status status, String end) {
        List<ReportFact> reports = status == null ? List.of()
                : List.of(new ReportFact(Tertial.parse("2024-T3"), status, "", Instant.parse("2024-12-20T10:00:00Z")));
        return new ActivityFacts("KS2024-00x", LocalDate.parse("2024-01-01"), LocalDate.parse(end), reports);
    }

    @Test
    void all_completed_as_planned_is_uppfylld() {
        AssessmentSuggestion suggestion = assessor.suggest(List.of(
                withStatus(Status.AVSLUTAD_ENLIGT_PLAN, "2024-06-30"),
                withStatus(Status.AVSLUTAD_ENLIGT_PLAN, "2024-12-31")), YEAR_END);
        assertThat(suggestion.assessment()).contains(GoalAssessment.UPPFYLLD);
        assertThat(suggestion.reasoning()).isEqualTo("Bedömt efter aktiviteterna: alla 2 aktiviteter är avslutade enligt plan.");
    }

    @Test
    void one_completed_with_deviation_is_no_longer_uppfylld() {
        AssessmentSuggestion suggestion = assessor.suggest(List.of(
                withStatus(Status.AVSLUTAD_ENLIGT_PLAN, "2024-06-30"),
                withStatus(Status.AVSLUTAD_ENLIGT_PLAN, "2024-06-30"),
                withStatus(Status.AVSLUTAD_MED_AVVIKELSE, "2024-12-31")), YEAR_END);
        assertThat(suggestion.assessment()).contains(GoalAssessment.DELVIS_UPPFYLLD);
        assertThat(suggestion.onTrack()).isEqualTo(2);
    }

    @Test
    void fewer_on_track_suggest_knappt_then_ej_uppfylld() {
        ActivityFacts late = withStatus(Status.PAGAENDE_ENLIGT_PLAN, "2024-10-31"); // past its end at year end
        ActivityFacts ok = withStatus(Status.AVSLUTAD_ENLIGT_PLAN, "2024-10-31");
        assertThat(assessor.suggest(List.of(ok, late, late), YEAR_END).assessment())
                .contains(GoalAssessment.KNAPPT_UPPFYLLD);
        assertThat(assessor.suggest(List.of(ok, late, late, late), YEAR_END).assessment())
                .contains(GoalAssessment.EJ_UPPFYLLD);
    }

    @Test
    void unreported_activities_do_not_count_as_on_track() {
        assertThat(assessor.suggest(List.of(withStatus(null, "2025-06-30")), YEAR_END).assessment())
                .contains(GoalAssessment.EJ_UPPFYLLD);
    }

    @Test
    void a_goal_without_activities_gets_no_suggestion() {
        assertThat(assessor.suggest(List.of(), YEAR_END).assessment()).isEmpty();
    }

    @Test
    void not_started_counts_as_on_track_only_before_its_planned_start() {
        LocalDate asOf = LocalDate.parse("2024-04-30");
        ActivityFacts later = new ActivityFacts("KS2024-045", LocalDate.parse("2024-09-01"), LocalDate.parse("2024-12-31"),
                List.of(new ReportFact(Tertial.parse("2024-T1"), Status.EJ_PABORJAD, "", Instant.parse("2024-04-20T10:00:00Z"))));
        ActivityFacts due = new ActivityFacts("KS2024-046", LocalDate.parse("2024-03-01"), LocalDate.parse("2024-12-31"),
                List.of(new ReportFact(Tertial.parse("2024-T1"), Status.EJ_PABORJAD, "", Instant.parse("2024-04-20T10:00:00Z"))));
        ActivityFacts running = new ActivityFacts("KS2024-047", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"),
                List.of(new ReportFact(Tertial.parse("2024-T1"), Status.PAGAENDE_ENLIGT_PLAN, "", Instant.parse("2024-04-20T10:00:00Z"))));
        assertThat(assessor.suggest(List.of(later), asOf).onTrack()).isEqualTo(1);
        assertThat(assessor.suggest(List.of(due), asOf).onTrack()).isZero();
        assertThat(assessor.suggest(List.of(running), asOf).onTrack()).isEqualTo(1);
        assertThat(assessor.suggest(List.of(later, due, running), asOf).reasoning())
                .isEqualTo("Bedömt efter aktiviteterna: 2 av 3 aktiviteter går enligt plan.");
    }
}
