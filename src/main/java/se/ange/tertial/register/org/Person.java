package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import se.ange.tertial.followup.Language;

/**
 * Someone who owns activities, manages a department, works in stab or administers the register.
 * {@code deputyId}: their ersättare, who is reminded (and may report) while they are absent.
 */
@MappedEntity("person")
public record Person(@Id @GeneratedValue @Nullable Long id, String name, String email,
                     @Nullable Long departmentId, @Nullable Long unitId,
                     @Nullable String slackUserId, @Nullable String teamsUserId,
                     Language language, boolean active, @Nullable Long deputyId) {
}
