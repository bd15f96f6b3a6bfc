package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Swedish number agreement, shared by mail, digest and report. */
class CountedTest {

    @Test
    void one_is_singular_and_every_other_count_plural() {
        assertThat(Counted.of(1, Counted.ACTIVITY)).isEqualTo("1 aktivitet");
        assertThat(Counted.of(2, Counted.ACTIVITY)).isEqualTo("2 aktiviteter");
        assertThat(Counted.of(0, Counted.ACTIVITY)).isEqualTo("0 aktiviteter");
        assertThat(Counted.of(1, Counted.REPORT, Language.EN)).isEqualTo("1 status report");
        assertThat(Counted.of(3, Counted.NEW_DEVIATION)).isEqualTo("3 nya");
        assertThat(Counted.of(1, Counted.RESOLVED)).isEqualTo("1 löst");
    }

    @Test
    void the_report_and_the_assessment_agree_in_number() {
        // the måluppföljning's summary in words ("12 aktiviteter under 3 mål; …") is tested in BoardReportBuilderTest
        assertThat(Counted.of(1, Counted.ACTIVITY) + " under " + Counted.of(1, Counted.GOAL)).isEqualTo("1 aktivitet under 1 mål");
        assertThat(Counted.of(12, Counted.ACTIVITY) + " under " + Counted.of(3, Counted.GOAL)).isEqualTo("12 aktiviteter under 3 mål");
        ActivityFacts done = new ActivityFacts("KS2024-001", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-31"),
                List.of(new ReportFact(Tertial.parse("2024-T1"), Status.AVSLUTAD_ENLIGT_PLAN, "klart", Instant.EPOCH)));
        ActivityFacts unreported = new ActivityFacts("KS2024-002", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"), List.of());
        GoalAssessor assessor = new GoalAssessor();
        assertThat(assessor.suggest(List.of(done), LocalDate.parse("2024-05-01")).reasoning())
                .isEqualTo("Bedömt efter aktiviteterna: den enda aktiviteten är avslutad enligt plan.");
        assertThat(assessor.suggest(List.of(unreported), LocalDate.parse("2024-05-01")).reasoning())
                .isEqualTo("Bedömt efter aktiviteterna: 0 av 1 aktivitet går enligt plan.");
        assertThat(assessor.suggest(List.of(done, unreported), LocalDate.parse("2024-05-01")).reasoning())
                .isEqualTo("Bedömt efter aktiviteterna: 1 av 2 aktiviteter går enligt plan (1 avslutad enligt plan).");
    }

    @Test
    void any_singular_and_plural_pair_agrees_with_its_count() {
        assertThat(Counted.of(1, "försenad", "försenade")).isEqualTo("1 försenad");
        assertThat(Counted.of(-1, "försenad", "försenade")).isEqualTo("-1 försenad");
        assertThat(Counted.of(2, "försenad", "försenade")).isEqualTo("2 försenade");
        assertThat(Counted.of(0, "försenad", "försenade")).isEqualTo("0 försenade");
        assertThat(Counted.noun(1, Counted.ACTIVITY, Language.EN)).isEqualTo("activity");
        assertThat(Counted.noun(-1, Counted.ACTIVITY, Language.SV)).isEqualTo("aktivitet");
        assertThat(Counted.noun(3, Counted.ACTIVITY, Language.EN)).isEqualTo("activities");
    }

    @Test
    void none_is_ingen_and_agrees_as_one() {
        assertThat(Counted.none(0) + " " + Counted.agreeing(0, "avslutad", "avslutade")).isEqualTo("ingen avslutad");
        assertThat(Counted.none(1) + " " + Counted.agreeing(1, "avslutad", "avslutade")).isEqualTo("1 avslutad");
        assertThat(Counted.none(2) + " " + Counted.agreeing(2, "avslutad", "avslutade")).isEqualTo("2 avslutade");
    }

    @Test
    void an_assessment_is_labelled_in_the_persons_language() {
        assertThat(GoalAssessment.DELVIS_UPPFYLLD.label(Language.SV)).isEqualTo("Delvis uppfylld");
        assertThat(GoalAssessment.DELVIS_UPPFYLLD.label(Language.EN)).isEqualTo("Partly achieved");
    }
}
