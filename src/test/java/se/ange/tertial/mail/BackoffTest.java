package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void the_wait_doubles_from_the_first_and_stops_at_the_cap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

        assertThat(IntStream.rangeClosed(1, 9).mapToObj(backoff::after).map(Duration::toSeconds).toList())
                .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L);
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_cap_below_the_first_wait_or_no_wait_is_refused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(5), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
