package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The standard analysis text's figures read as Swedish with each count: none, one, several. */
class TextDefaultsTest {

    @Test
    void no_activity_completed_reads_ingen_av_dem_not_zero() {
        assertThat(TextDefaults.completed(0)).isEqualTo("Ingen av dem är avslutad");
        assertThat(TextDefaults.completed(1)).isEqualTo("1 av dem är avslutad");
        assertThat(TextDefaults.completed(3)).isEqualTo("3 av dem är avslutade");
    }

    @Test
    void no_deviation_reads_ingen_with_singular_agreement() {
        assertThat(TextDefaults.deviations(0)).isEqualTo("ingen är rapporterad med avvikelse");
        assertThat(TextDefaults.deviations(1)).isEqualTo("1 är rapporterad med avvikelse");
        assertThat(TextDefaults.deviations(2)).isEqualTo("2 är rapporterade med avvikelse");
    }
}
