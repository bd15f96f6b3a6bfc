package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusTest {

    @ParameterizedTest
    @CsvSource({
        "Ej påbörjad, EJ_PABORJAD",
        "pagaende enligt plan, PAGAENDE_ENLIGT_PLAN",
        "PÅGÅENDE MED AVVIKELSE, PAGAENDE_MED_AVVIKELSE",
        "Vänteläge, VANTELAGE",
        "vantelage, VANTELAGE",
        "Avslutad enligt plan, AVSLUTAD_ENLIGT_PLAN",
        "avslutad med avvikelse, AVSLUTAD_MED_AVVIKELSE",
        "On hold, VANTELAGE",
        "'In progress, on plan', PAGAENDE_ENLIGT_PLAN",
        "COMPLETED_AS_PLANNED_IS_NOT_A_NAME, ",
        "AVSLUTAD_ENLIGT_PLAN, AVSLUTAD_ENLIGT_PLAN",
        "Försenad, PAGAENDE_MED_AVVIKELSE",
        "forsenad, PAGAENDE_MED_AVVIKELSE",
        "Avslutad med avvikelser, AVSLUTAD_MED_AVVIKELSE",
        "Pågående med avvikelser, PAGAENDE_MED_AVVIKELSE",
        "on track, PAGAENDE_ENLIGT_PLAN",
        "1, EJ_PABORJAD",
        "6, AVSLUTAD_MED_AVVIKELSE",
        "7, "})
    void reads_labels_names_and_the_legacy_alias(String text, Status expected) {
        assertThat(Status.parse(text).orElse(null)).isEqualTo(expected);
    }

    @Test
    void nothing_is_read_from_blank_or_unknown_text() {
        assertThat(Status.parse("  ")).isEmpty();
        assertThat(Status.parse(null)).isEmpty();
        assertThat(Status.parse("klar")).isEmpty();
    }

    @Test
    void done_without_saying_how_is_not_a_status_but_is_recognised_as_a_completion() {
        assertThat(StatusText.completedWithoutKind("klar: sista utbildningen hölls")).contains("sista utbildningen hölls");
        assertThat(StatusText.completedWithoutKind("Avslutad")).contains("");
        assertThat(StatusText.completedWithoutKind("done – all sessions held")).contains("all sessions held");
        assertThat(StatusText.completedWithoutKind("avslutad enligt plan")).isEmpty();
        assertThat(StatusText.completedWithoutKind("avslutad med avvikelser")).isEmpty();
        assertThat(StatusText.completedWithoutKind("klarar oss")).isEmpty();
        assertThat(StatusText.readLeading("klar")).isEmpty();
    }

    @Test
    void the_comment_after_a_label_starts_where_the_label_ends_in_the_original_text() {
        assertThat(StatusText.readLeading("Pågående  med   avvikelse – väntar på leverantör"))
                .contains(new StatusText.Reading(Status.PAGAENDE_MED_AVVIKELSE, "väntar på leverantör"));
        String decomposed = java.text.Normalizer.normalize("Vänteläge: budgeten är inte beslutad", java.text.Normalizer.Form.NFD);
        assertThat(StatusText.readLeading(decomposed).map(StatusText.Reading::rest))
                .contains(java.text.Normalizer.normalize("budgeten är inte beslutad", java.text.Normalizer.Form.NFD));
        assertThat(StatusText.readLeading("In progress,  on plan: two sessions held"))
                .contains(new StatusText.Reading(Status.PAGAENDE_ENLIGT_PLAN, "two sessions held"));
        assertThat(StatusText.readLeading("3 - sen leverans")).contains(new StatusText.Reading(Status.PAGAENDE_MED_AVVIKELSE, "sen leverans"));
    }

    @Test
    void one_rule_for_chat_mail_and_api_a_whole_text_reads_as_its_leading_status() {
        for (String text : new String[] {"3", "Försenad", "Avslutad med avvikelser", "on track", "VANTELAGE"}) {
            assertThat(Status.parse(text)).as(text).isEqualTo(StatusText.readLeading(text).map(StatusText.Reading::status));
        }
    }

    @Test
    void assessments_are_read_in_the_seeds_spelling() {
        assertThat(GoalAssessment.parse("Delvis uppfyllt")).contains(GoalAssessment.DELVIS_UPPFYLLD);
        assertThat(GoalAssessment.parse("Uppfyllt")).contains(GoalAssessment.UPPFYLLD);
        assertThat(GoalAssessment.parse("knappt uppfyllt")).contains(GoalAssessment.KNAPPT_UPPFYLLD);
        assertThat(GoalAssessment.parse("Ej uppfyllt")).contains(GoalAssessment.EJ_UPPFYLLD);
        assertThat(GoalAssessment.parse("Delvis")).contains(GoalAssessment.DELVIS_UPPFYLLD);
        assertThat(GoalAssessment.parse("uppfylld")).contains(GoalAssessment.UPPFYLLD);
        assertThat(GoalAssessment.parse("Partly achieved")).contains(GoalAssessment.DELVIS_UPPFYLLD);
        assertThat(GoalAssessment.parse("EJ_UPPFYLLD")).contains(GoalAssessment.EJ_UPPFYLLD);
        assertThat(GoalAssessment.parse("Bra")).isEmpty();
    }

    @Test
    void swedish_labels_and_symbols_are_those_of_the_reports() {
        assertThat(Status.PAGAENDE_ENLIGT_PLAN.label(Language.SV)).isEqualTo("Pågående enligt plan");
        assertThat(Status.AVSLUTAD_ENLIGT_PLAN.symbol()).isEqualTo("✔");
        assertThat(Status.PAGAENDE_ENLIGT_PLAN.symbol()).isEqualTo("▶");
        assertThat(Status.PAGAENDE_MED_AVVIKELSE.symbol()).isEqualTo("⚠");
        assertThat(Status.VANTELAGE.label(Language.EN)).isEqualTo("On hold");
    }
}
