package se.ange.tertial.web.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An e-mailed sign-in link: works once, until {@code expiresAt}; only the hash of its secret is kept. */
@MappedEntity("web_sign_in_link")
record SignInLink(@Id @GeneratedValue @Nullable Long id, String tokenHash, Long personId, @Nullable String nextPath,
                  Instant createdAt, Instant expiresAt, @Nullable Instant usedAt) {
}
