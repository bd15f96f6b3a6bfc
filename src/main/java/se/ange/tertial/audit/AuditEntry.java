package se.ange.tertial.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import se.ange.tertial.followup.Channel;

/** One change: who, with which credential and through which channel, what, and the values before and after (JSON). */
@Serdeable
@MappedEntity("audit_log")
public record AuditEntry(@Id @GeneratedValue @Nullable Long id, Instant occurredAt, String actor, Channel channel,
                         String action, String subject, @Nullable Long activityId,
                         @Nullable String beforeValue, @Nullable String afterValue, @Nullable String credential) {
}
