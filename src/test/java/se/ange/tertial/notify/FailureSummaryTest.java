package se.ange.tertial.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.ange.tertial.register.org.ReminderChannel;

/** While a channel fails, one line per minute says how many failed, instead of one line per attempt. */
class FailureSummaryTest {

    private Instant now = Instant.parse("2024-04-16T06:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final FailureSummary summary = new FailureSummary(clock);

    @Test
    void the_first_failure_is_said_at_once_then_one_line_a_minute_with_the_count() {
        List<String> lines = new ArrayList<>();
        Instant first = now;
        summary.failed(ReminderChannel.EMAIL, "Connection refused", false).ifPresent(lines::add);
        for (int i = 0; i < 309; i++) {
            now = now.plusMillis(100);   // 310 failures within 31 s
            summary.failed(ReminderChannel.EMAIL, "Connection refused", i % 3 == 0).ifPresent(lines::add);
        }
        assertThat(lines).containsExactly(
                "Delivery via EMAIL failing: 1 failure since the last line; latest: Connection refused");

        now = first.plus(Duration.ofSeconds(60));
        summary.failed(ReminderChannel.EMAIL, "Read timed out", true).ifPresent(lines::add);
        assertThat(lines).hasSize(2).last().isEqualTo(
                "Delivery via EMAIL failing: 310 failures (104 given up) since the last line; latest: Read timed out");
    }

    @Test
    void each_channel_has_its_own_minute_and_a_delivery_makes_the_next_failure_news() {
        assertThat(summary.failed(ReminderChannel.EMAIL, "down", false)).isPresent();
        assertThat(summary.failed(ReminderChannel.SLACK, "429", false)).isPresent();
        assertThat(summary.failed(ReminderChannel.EMAIL, "down", false)).isEmpty();

        assertThat(summary.delivered(ReminderChannel.EMAIL)).isTrue();
        assertThat(summary.delivered(ReminderChannel.EMAIL)).as("nothing to recover from").isFalse();
        Optional<String> again = summary.failed(ReminderChannel.EMAIL, "down again", false);
        assertThat(again).hasValue("Delivery via EMAIL failing: 1 failure since the last line; latest: down again");
        assertThat(summary.failed(ReminderChannel.SLACK, "429", false)).isEmpty();
    }

    @Test
    void a_line_is_due_exactly_a_minute_after_the_last() {
        assertThat(summary.failed(ReminderChannel.TEAMS, "503", false)).isPresent();
        now = now.plus(FailureSummary.EVERY).minusMillis(1);
        assertThat(summary.failed(ReminderChannel.TEAMS, "503", false)).isEmpty();
        now = now.plusMillis(1);
        assertThat(summary.failed(ReminderChannel.TEAMS, "503", false)).hasValue(
                "Delivery via TEAMS failing: 2 failures since the last line; latest: 503");
    }
}
