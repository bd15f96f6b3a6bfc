package se.ange.tertial.digest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.DayOfWeek;
import se.ange.tertial.register.org.ReminderChannel;

/** A person's digest choices; {@code channel} null means where their reminders go. */
@Serdeable
@MappedEntity("digest_preference")
public record DigestPreference(@Id Long personId, boolean enabled, DayOfWeek sendDay, @Nullable ReminderChannel channel) {
}
