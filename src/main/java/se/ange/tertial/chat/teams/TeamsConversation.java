package se.ange.tertial.chat.teams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A conversation reference: where the bot can post to a person without being spoken to first. */
@MappedEntity("teams_conversation")
public record TeamsConversation(@Id Long personId, String serviceUrl, String conversationId, @Nullable String tenantId,
                                @Nullable String aadObjectId, @Nullable String botId, Instant updatedAt) {
}
