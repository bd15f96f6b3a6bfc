package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.MeasureDirection;

class MeasureRowsTest {

    @Test
    void numbers_in_swedish_with_a_real_minus_a_space_between_thousands_and_a_decimal_comma() {
        assertThat(MeasureRows.number(new BigDecimal("-1234567.5"), " kr ")).isEqualTo("−1 234 567,5 kr");
        assertThat(MeasureRows.number(new BigDecimal("12.49"), "%")).isEqualTo("12,49 %");
        assertThat(MeasureRows.number(new BigDecimal("0.123456"), null)).as("at most four decimals")
                .isEqualTo("0,1235");
        assertThat(MeasureRows.number(new BigDecimal("10.00"), " ")).isEqualTo("10");
        assertThat(MeasureRows.number(null, "%")).isEqualTo("–");
    }

    @Test
    void a_direction_in_words() {
        assertThat(MeasureRows.direction(MeasureDirection.DECREASE)).isEqualTo("Ska minska");
        assertThat(MeasureRows.direction(MeasureDirection.INCREASE)).isEqualTo("Ska öka");
    }
}
