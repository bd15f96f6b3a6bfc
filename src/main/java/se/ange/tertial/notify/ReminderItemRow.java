package se.ange.tertial.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One reminder item of an outbox message; (recipient, key) is unique, so no reminder is enqueued twice. */
@MappedEntity("reminder_item")
public record ReminderItemRow(@Id @GeneratedValue @Nullable Long id, Long messageId, Long recipientId, String itemKey,
                              String purpose, String step, @Nullable String tertial, String activityRef,
                              @Nullable String note) {
}
