package se.ange.tertial.notify;

import se.ange.tertial.register.org.ReminderChannel;

import java.util.List;
import se.ange.tertial.register.org.Person;

/** Delivers an outbox message on one channel. Adapters (mail, Slack, Teams) implement it. */
public interface Notifier {

    ReminderChannel channel();

    /**
     * Renders and sends the message: a reminder from its still-due items, a prepared message from its
     * text. Throws {@link DeliveryFailure} when the channel did not take it; the outbox then retries later.
     */
    void deliver(OutboxMessage message, Person recipient, List<ReminderItemRow> items) throws DeliveryFailure;

    /** The channel refused or could not be reached. */
    class DeliveryFailure extends Exception {
        public DeliveryFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
