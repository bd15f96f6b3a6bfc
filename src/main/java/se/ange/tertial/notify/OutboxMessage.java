package se.ange.tertial.notify;

import se.ange.tertial.register.org.ReminderChannel;

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
public record OutboxMessage(@Id @GeneratedValue @Nullable Long id, Long recipientId, ReminderChannel channel,
                            MessageKind kind, LocalDate sendOn, OutboxState state, int attempts,
                            Instant nextAttemptAt, @Nullable String lastError, Instant createdAt,
                            @Nullable Instant sentAt, String dedupeKey, @Nullable String subject,
                            @Nullable String bodyText, @Nullable String inReplyTo, @Nullable String bodyHtml) {

    /** A reminder, rendered at delivery from its items; at most one per person and day. */
    public static OutboxMessage reminder(Long recipientId, ReminderChannel channel, LocalDate sendOn, Instant now) {
        return new OutboxMessage(null, recipientId, channel, MessageKind.REMINDER, sendOn, OutboxState.PENDING, 0, now,
                null, now, null, "REMINDER/" + recipientId + "/" + sendOn, null, null, null, null);
    }

    /** A prepared message (an answer to a reply, a notice), sent once per {@code dedupeKey}. */
    public static OutboxMessage prepared(Long recipientId, MessageKind kind, String dedupeKey, String subject,
                                         String bodyText, @Nullable String inReplyTo, LocalDate sendOn, Instant now) {
        return new OutboxMessage(null, recipientId, ReminderChannel.EMAIL, kind, sendOn, OutboxState.PENDING, 0, now,
                null, now, null, dedupeKey, subject, bodyText, inReplyTo, null);
    }

    /** A prepared message for a chosen channel, with an HTML body for e-mail (the digest). */
    public static OutboxMessage prepared(Long recipientId, ReminderChannel channel, MessageKind kind, String dedupeKey,
                                         String subject, String bodyText, @Nullable String bodyHtml, LocalDate sendOn,
                                         Instant now) {
        return new OutboxMessage(null, recipientId, channel, kind, sendOn, OutboxState.PENDING, 0, now,
                null, now, null, dedupeKey, subject, bodyText, null, bodyHtml);
    }

    /** Delivered; a sign-in link's body (it holds the link) is not kept once it has gone out. */
    OutboxMessage sent(Instant at) {
        OutboxMessage sent = with(OutboxState.SENT, attempts + 1, nextAttemptAt, lastError, at);
        return kind == MessageKind.SIGN_IN ? sent.withoutSecrets() : sent;
    }

    /**
     * As others may see it (stab reads the outbox): a sign-in link's body is the person's key for 15 minutes,
     * so it is left out.
     */
    public OutboxMessage withoutSecrets() {
        return kind != MessageKind.SIGN_IN ? this : new OutboxMessage(id, recipientId, channel, kind, sendOn, state,
                attempts, nextAttemptAt, lastError, createdAt, sentAt, dedupeKey, subject, null, inReplyTo, null);
    }

    /** Back in the queue after it was given up: due now, with its attempts counted afresh (the last error stays). */
    OutboxMessage retried(Instant now) {
        return with(OutboxState.PENDING, 0, now, lastError, null);
    }

    OutboxMessage cancelled() {
        return with(OutboxState.CANCELLED, attempts, nextAttemptAt, lastError, null);
    }

    OutboxMessage failed(String error, Instant retryAt, boolean dead) {
        return with(dead ? OutboxState.DEAD : OutboxState.PENDING, attempts + 1, retryAt, error, null);
    }

    private OutboxMessage with(OutboxState newState, int newAttempts, Instant next, @Nullable String error,
                               @Nullable Instant sent) {
        return new OutboxMessage(id, recipientId, channel, kind, sendOn, newState, newAttempts, next, error, createdAt,
                sent, dedupeKey, subject, bodyText, inReplyTo, bodyHtml);
    }
}
