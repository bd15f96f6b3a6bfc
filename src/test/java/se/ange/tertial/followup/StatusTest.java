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
        "forsenad, PAGAENDE_MED_AVVIKELSE"})
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
    void swedish_labels_and_symbols_are_those_of_the_reports() {
        assertThat(Status.PAGAENDE_ENLIGT_PLAN.label(Language.SV)).isEqualTo("Pågående enligt plan");
        assertThat(Status.AVSLUTAD_ENLIGT_PLAN.symbol()).isEqualTo("✔");
        assertThat(Status.PAGAENDE_ENLIGT_PLAN.symbol()).isEqualTo("▶");
        assertThat(Status.PAGAENDE_MED_AVVIKELSE.symbol()).isEqualTo("⚠");
        assertThat(Status.VANTELAGE.label(Language.EN)).isEqualTo("On hold");
    }
}
