package se.ange.tertial.notify;

import se.ange.tertial.register.org.ReminderChannel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;

/** Delivers an outbox message on one channel. Adapters (mail, Slack, Teams) implement it. */
public interface Notifier {

    ReminderChannel channel();

    /** Whether this channel can reach the person now; if not, the message goes by e-mail instead. */
    default boolean canReach(Person recipient) {
        return true;
    }

    /**
     * Renders and sends the message: a reminder from its still-due items and their {@code activities} (by
     * reference, read once for the whole message), a prepared message from its text. Throws
     * {@link DeliveryFailure} when the channel did not take it; the outbox then retries later.
     */
    void deliver(OutboxMessage message, Person recipient, List<ReminderItemRow> items,
                 Map<String, ActivityView> activities) throws DeliveryFailure;

    /**
     * The channel refused or could not be reached; {@code retryAfter} when it said how long to wait (429);
     * {@code permanent} when trying again cannot help (the message is too big, the user is gone, …).
     */
    class DeliveryFailure extends Exception {
        private final transient Duration retryAfter;
        private final boolean permanent;

        public DeliveryFailure(String message, Throwable cause) {
            this(message, cause, null);
        }

        public DeliveryFailure(String message, Throwable cause, Duration retryAfter) {
            this(message, cause, retryAfter, false);
        }

        public DeliveryFailure(String message, Throwable cause, Duration retryAfter, boolean permanent) {
            super(message, cause);
            this.retryAfter = retryAfter;
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        /** A Retry-After header's seconds, if it is one. */
        public static Duration parseRetryAfter(String header) {
            try {
                return header == null ? null : Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
            } catch (NumberFormatException notSeconds) {
                return null;
            }
        }
    }
}
