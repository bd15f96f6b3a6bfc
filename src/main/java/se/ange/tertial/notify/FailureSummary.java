package se.ange.tertial.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.register.org.ReminderChannel;

/**
 * At most one log line per failing channel per minute: when SMTP or Slack is down, every message fails on every
 * attempt, and a line each (930 lines for 310 messages) buries what matters. The first failure is said at once,
 * then how many followed, every minute while they go on. Each failure stays on its message in the outbox.
 */
final class FailureSummary {

    static final Duration EVERY = Duration.ofMinutes(1);

    /** Failures of one channel since its last line. */
    private record Pending(Instant saidAt, int failures, int givenUp) {
    }

    private final Clock clock;
    private final Map<ReminderChannel, Pending> pending = new EnumMap<>(ReminderChannel.class);

    FailureSummary(Clock clock) {
        this.clock = clock;
    }

    /** A delivery failed; the line to log now, or empty when this channel's line for the minute is said. */
    synchronized Optional<String> failed(ReminderChannel channel, String error, boolean givenUp) {
        Instant now = clock.instant();
        Pending before = pending.get(channel);
        int failures = (before == null ? 0 : before.failures()) + 1;
        int dead = (before == null ? 0 : before.givenUp()) + (givenUp ? 1 : 0);
        if (before != null && now.isBefore(before.saidAt().plus(EVERY))) {
            pending.put(channel, new Pending(before.saidAt(), failures, dead));
            return Optional.empty();
        }
        pending.put(channel, new Pending(now, 0, 0));
        return Optional.of("Delivery via %s failing: %d %s%s since the last line; latest: %s".formatted(channel,
                failures, failures == 1 ? "failure" : "failures", dead == 0 ? "" : " (" + dead + " given up)", error));
    }

    /** A delivery went through: the channel's next failure is news again. */
    synchronized boolean delivered(ReminderChannel channel) {
        return pending.remove(channel) != null;
    }
}
