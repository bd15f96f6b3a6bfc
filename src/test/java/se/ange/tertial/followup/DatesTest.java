package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {

    private static final LocalDate CLOSE = LocalDate.parse("2024-04-30");

    @Test
    void dates_read_as_people_write_them() {
        assertThat(Dates.full(CLOSE, Language.SV)).isEqualTo("30 april 2024");
        assertThat(Dates.full(CLOSE, Language.EN)).isEqualTo("30 April 2024");
        assertThat(Dates.dayMonth(LocalDate.parse("2024-08-31"), Language.SV)).isEqualTo("31 augusti");
        assertThat(Dates.dayMonth(LocalDate.parse("2024-08-31"), Language.EN)).isEqualTo("31 August");
    }

    @Test
    void the_year_is_left_out_only_when_it_is_this_year() {
        assertThat(Dates.near(CLOSE, LocalDate.parse("2024-12-31"), Language.SV)).isEqualTo("30 april");
        assertThat(Dates.near(CLOSE, LocalDate.parse("2025-01-01"), Language.SV)).isEqualTo("30 april 2024");
        assertThat(Dates.near(CLOSE, LocalDate.parse("2023-12-31"), Language.EN)).isEqualTo("30 April 2024");
    }
}
