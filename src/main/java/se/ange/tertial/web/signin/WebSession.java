package se.ange.tertial.web.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A browser's signed-in session: a person's, or the first admin's (an admin API token, or the bootstrap
 * token when {@code bootstrap}). Only the hash of the cookie's secret is kept.
 */
@MappedEntity("web_session")
record WebSession(@Id @GeneratedValue @Nullable Long id, String tokenHash, @Nullable Long personId,
                  @Nullable Long apiTokenId, boolean bootstrap, String csrfToken, String signedInBy,
                  Instant createdAt, Instant lastSeenAt, Instant expiresAt) {

    WebSession seenAt(Instant now) {
        return new WebSession(id, tokenHash, personId, apiTokenId, bootstrap, csrfToken, signedInBy, createdAt, now,
                expiresAt);
    }
}
