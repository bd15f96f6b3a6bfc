package se.ange.tertial.register.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import se.ange.tertial.register.org.Role;

/** A named API token; the token itself is shown once and only its SHA-256 hash is kept. */
@MappedEntity("api_token")
public record ApiToken(@Id @GeneratedValue @Nullable Long id, String name, Role role, @Nullable Long personId,
                       String tokenHash, String createdBy, Instant createdAt, @Nullable Instant revokedAt) {

    ApiToken revoked(Instant at) {
        return new ApiToken(id, name, role, personId, tokenHash, createdBy, createdAt, at);
    }
}
