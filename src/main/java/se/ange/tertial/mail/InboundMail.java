package se.ange.tertial.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A received reply exactly as it arrived (raw MIME), with who sent it, when, and what became of it. While its
 * outcome is {@link InboundOutcome#PENDING}, {@code attempts} counts its failed handlings and
 * {@code nextAttemptAt} is when it is tried again (null: at once).
 */
@MappedEntity("inbound_mail")
public record InboundMail(@Id @GeneratedValue @Nullable Long id, String messageId, Instant receivedAt,
                          @Nullable String sender, @Nullable String subject, byte[] raw, InboundOutcome outcome,
                          @Nullable String detail, @Nullable Long personId, String receivedVia,
                          LocalDate disposeAfter, int attempts, @Nullable Instant nextAttemptAt) {
}
