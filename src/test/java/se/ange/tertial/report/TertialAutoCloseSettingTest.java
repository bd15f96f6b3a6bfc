package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The auto-close setting is checked at start, and which tertials a check looks at. */
class TertialAutoCloseSettingTest {

    @Test
    void the_days_after_the_close_must_be_0_to_120() {
        Clock clock = Clock.systemUTC();
        assertThat(new AutoClose(null, clock, 0).days()).isZero();
        assertThat(new AutoClose(null, clock, 120).days()).isEqualTo(120);
        assertThatThrownBy(() -> new AutoClose(null, clock, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto-close-days");
        assertThatThrownBy(() -> new AutoClose(null, clock, 121)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 120");
    }

    @Test
    void a_check_looks_at_the_last_three_ended_tertials_oldest_first() {
        assertThat(AutoClose.endedBefore(LocalDate.of(2024, 9, 20))).extracting(Object::toString)
                .containsExactly("2023-T3", "2024-T1", "2024-T2");
        assertThat(AutoClose.endedBefore(LocalDate.of(2024, 1, 1))).extracting(Object::toString)
                .containsExactly("2023-T1", "2023-T2", "2023-T3");
    }
}
