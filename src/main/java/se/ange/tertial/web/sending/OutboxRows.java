package se.ange.tertial.web.sending;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxState;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.web.WebTexts;

/**
 * Outbox messages as the page lists them: names for ids, words for states, never a body; the last error of a
 * message that has gone out since is history, not shown.
 */
@Singleton
class OutboxRows {

    /** One message in the list. */
    record Row(long id, String recipient, String channel, String kind, String subject, String state,
               String stateClass, int attempts, String nextAttempt, String lastError, String errorSummary,
               boolean retry, boolean cancel, String retryLabel, String cancelLabel) {
    }

    private final PersonRepository people;
    private final ReminderItemRepository items;

    OutboxRows(PersonRepository people, ReminderItemRepository items) {
        this.people = people;
        this.items = items;
    }

    List<Row> rows(List<OutboxMessage> messages, WebTexts t) {
        Map<Long, Person> recipients = people.findByIdIn(messages.stream().map(OutboxMessage::recipientId)
                .distinct().toList()).stream().collect(Collectors.toMap(Person::id, Function.identity()));
        Map<Long, Long> activities = activitiesPerReminder(messages);
        return messages.stream().map(OutboxMessage::withoutSecrets)
                .map(m -> row(m, recipients.get(m.recipientId()), activities.getOrDefault(m.id(), 0L), t)).toList();
    }

    /** How many activities each reminder on the page holds: one query for the page, not one per row. */
    private Map<Long, Long> activitiesPerReminder(List<OutboxMessage> messages) {
        List<Long> reminders = messages.stream().filter(m -> m.kind() == MessageKind.REMINDER).map(OutboxMessage::id)
                .toList();
        return reminders.isEmpty() ? Map.of() : items.findByMessageIdIn(reminders).stream()
                .collect(Collectors.groupingBy(ReminderItemRow::messageId,
                        Collectors.mapping(ReminderItemRow::activityRef, Collectors.collectingAndThen(
                                Collectors.toSet(), refs -> (long) refs.size()))));
    }

    private Row row(OutboxMessage message, Person recipient, long activities, WebTexts t) {
        String name = name(recipient, t);
        boolean pending = message.state() == OutboxState.PENDING;
        // the technical error stays available (for IT) behind a plain sentence saying which server did not take it
        String lastError = message.lastError() == null || message.state() == OutboxState.SENT ? "" : message.lastError();
        return new Row(message.id(), name, t.get("sending.channel." + message.channel().name()),
                t.get("sending.kind." + message.kind().name()), subject(message, activities, t),
                t.get("sending.state." + message.state().name()), "state-" + message.state().name().toLowerCase(),
                message.attempts(), pending ? Texts.at(message.nextAttemptAt(), t) : "–",
                lastError, lastError.isEmpty() ? "" : t.get("sending.error." + message.channel().name()),
                message.state() == OutboxState.DEAD && message.kind() != MessageKind.SIGN_IN, pending,
                t.format("sending.outbox.retry.label", name), t.format("sending.outbox.cancel.label", name));
    }

    static String name(Person recipient, WebTexts t) {
        return recipient == null ? t.get("sending.unknownPerson") : recipient.name();
    }

    /** A reminder has no subject until it is written at delivery: say what it holds instead. */
    private static String subject(OutboxMessage message, long activities, WebTexts t) {
        if (message.subject() != null && !message.subject().isBlank()) {
            return message.subject();
        }
        if (message.kind() == MessageKind.REMINDER) {
            return t.format("sending.outbox.reminderSubject", Counted.of(activities, Counted.ACTIVITY, t.language()));
        }
        return "–";
    }
}
