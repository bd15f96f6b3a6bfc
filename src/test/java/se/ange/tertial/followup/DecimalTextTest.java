package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

    @Test
    void reads_swedish_and_english_decimals() {
        assertThat(DecimalText.parse("12,49")).contains(new BigDecimal("12.49"));
        assertThat(DecimalText.parse(" 12.49 ")).contains(new BigDecimal("12.49"));
        assertThat(DecimalText.parse("1 234,5")).contains(new BigDecimal("1234.5"));
        assertThat(DecimalText.parse("1\u00a0234")).contains(new BigDecimal("1234"));
        assertThat(DecimalText.parse("1\u202f234")).contains(new BigDecimal("1234"));
        assertThat(DecimalText.parse("\u22123,5")).contains(new BigDecimal("-3.5"));
        assertThat(DecimalText.parse("+7")).contains(new BigDecimal("7"));
        assertThat(DecimalText.parse(",5")).contains(new BigDecimal("0.5"));
    }

    @Test
    void refuses_what_is_not_a_plain_decimal() {
        assertThat(DecimalText.parse(null)).isEmpty();
        assertThat(DecimalText.parse("")).isEmpty();
        assertThat(DecimalText.parse("tolv")).isEmpty();
        assertThat(DecimalText.parse("1,234.5")).isEmpty();
        assertThat(DecimalText.parse("12,")).isEmpty();
        assertThat(DecimalText.parse("1e400")).isEmpty();
        assertThat(DecimalText.parse("NaN")).isEmpty();
        assertThat(DecimalText.parse("12 %")).isEmpty();
        assertThat(DecimalText.parse("x12")).isEmpty();
        assertThat(DecimalText.parse("12x")).isEmpty();
    }
}
