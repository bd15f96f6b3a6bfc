package se.ange.tertial.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;

/** A message waiting to be delivered, or delivered, with its delivery history in brief. */
@Serdeable
@MappedEntity("outbox_message")
public record OutboxMessage(@Id @GeneratedValue @Nullable Long id, Long recipientId, DeliveryChannel channel,
                            MessageKind kind, LocalDate sendOn, OutboxState state, int attempts,
                            Instant nextAttemptAt, @Nullable String lastError, Instant createdAt,
                            @Nullable Instant sentAt) {

    public static OutboxMessage pending(Long recipientId, DeliveryChannel channel, MessageKind kind, LocalDate sendOn,
                                        Instant now) {
        return new OutboxMessage(null, recipientId, channel, kind, sendOn, OutboxState.PENDING, 0, now, null, now, null);
    }

    OutboxMessage sent(Instant at) {
        return new OutboxMessage(id, recipientId, channel, kind, sendOn, OutboxState.SENT, attempts + 1, nextAttemptAt,
                lastError, createdAt, at);
    }

    OutboxMessage cancelled() {
        return new OutboxMessage(id, recipientId, channel, kind, sendOn, OutboxState.CANCELLED, attempts, nextAttemptAt,
                lastError, createdAt, null);
    }

    OutboxMessage failed(String error, Instant retryAt, boolean dead) {
        return new OutboxMessage(id, recipientId, channel, kind, sendOn, dead ? OutboxState.DEAD : OutboxState.PENDING,
                attempts + 1, retryAt, error, createdAt, null);
    }
}
