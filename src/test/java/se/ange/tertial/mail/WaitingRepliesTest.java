package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaitingRepliesTest {

    private static final Instant NOW = Instant.parse("2024-03-28T06:00:00Z");
    private final WaitingReplies waiting = new WaitingReplies(new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5)));
    private final WaitingReplies.Uid first = new WaitingReplies.Uid(7, 1);
    private final WaitingReplies.Uid second = new WaitingReplies.Uid(7, 2);

    @Test
    void a_message_that_could_not_be_kept_waits_its_back_off_and_the_retry_is_planned_for_the_first_due() {
        waiting.failed(first, NOW);
        waiting.failed(first, NOW.plusSeconds(5));
        waiting.failed(second, NOW.plusSeconds(5));
        waiting.polled();

        assertThat(waiting.waits(first, NOW.plusSeconds(14))).isTrue();
        assertThat(waiting.waits(first, NOW.plusSeconds(15))).isFalse();
        assertThat(waiting.retryAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(waiting.due(NOW.plusSeconds(9))).isFalse();
        assertThat(waiting.due(NOW.plusSeconds(10))).isTrue();
    }

    @Test
    void once_one_message_is_kept_the_others_are_due_at_once_and_gone_ones_are_forgotten() {
        waiting.failed(first, NOW);
        waiting.failed(second, NOW);
        waiting.kept(first, NOW.plusSeconds(1));

        assertThat(waiting.waits(second, NOW.plusSeconds(1))).isFalse();
        waiting.polled();
        assertThat(waiting.retryAt()).isEqualTo(NOW.plusSeconds(1));

        waiting.present(Set.of(new WaitingReplies.Uid(8, 2))); // a new UIDVALIDITY: the old UIDs mean nothing
        waiting.polled();
        assertThat(waiting.retryAt()).isNull();
    }
}
