package se.ange.tertial.chat.teams;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.notify.Notifier;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.ReminderEntries;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.ReminderChannel;

/**
 * Delivers outbox messages to Teams: a reminder as a 1:1 Adaptive Card with one entry per activity, a
 * prepared message (an answer, a notice) as text, both to the conversation stored when the app was
 * installed. Connector failures, 429 with its Retry-After included, go back to the outbox.
 */
@Singleton
@Requires(bean = BotConnector.class)
class TeamsNotifier implements Notifier {

    private final BotConnector connector;
    private final TeamsConversationRepository conversations;
    private final ReminderEntries entries;

    TeamsNotifier(BotConnector connector, TeamsConversationRepository conversations, ReminderEntries entries) {
        this.connector = connector;
        this.conversations = conversations;
        this.entries = entries;
    }

    @Override
    public ReminderChannel channel() {
        return ReminderChannel.TEAMS;
    }

    /** Only someone who has installed the app can be messaged first; the others are reached by e-mail. */
    @Override
    public boolean canReach(Person recipient) {
        return conversations.existsById(recipient.id());
    }

    @Override
    public void deliver(OutboxMessage message, Person recipient, List<ReminderItemRow> due,
                        Map<String, ActivityView> activities) throws DeliveryFailure {
        TeamsConversation conversation = conversations.findById(recipient.id()).orElseThrow(() ->
                new DeliveryFailure("person " + recipient.id() + " has not installed the Teams app", null));
        var activity = message.kind() != se.ange.tertial.notify.MessageKind.REMINDER
                ? TeamsCards.text(message.subject() == null ? "" : message.subject(), message.bodyText())
                : TeamsCards.message(TeamsCards.reminder(message.id(), entries.of(due, activities), recipient.language(),
                        Optional.empty()), TeamsCards.heading(entries.of(due, activities), recipient.language()));
        try {
            connector.send(conversation.serviceUrl(), conversation.conversationId(), activity);
        } catch (BotConnector.ConnectorException e) {
            throw e.toDeliveryFailure();
        } catch (IOException e) {
            throw new DeliveryFailure("Teams unreachable: " + e.getMessage(), e);
        }
    }
}
