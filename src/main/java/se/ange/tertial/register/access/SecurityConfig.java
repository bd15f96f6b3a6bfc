package se.ange.tertial.register.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * Settings under {@code tertial.security.*}.
 *
 * @param bootstrapAdminToken   accepted as an admin token when set ({@code TERTIAL_BOOTSTRAP_ADMIN_TOKEN});
 *                              unset means there is no default credential at all
 * @param firstStartToken       on a first start without any token, create an admin token and write it to
 *                              {@code <data dir>/first-admin-token} (never to the log)
 * @param writesPerMinute       changes one credential may make per minute before getting 429
 * @param authFailuresPerMinute refused credentials (401) one client address may send per minute before
 *                              further credentials from it get 429 with Retry-After
 */
@ConfigurationProperties("tertial.security")
public record SecurityConfig(@Nullable String bootstrapAdminToken,
                             @Bindable(defaultValue = "true") boolean firstStartToken,
                             @Bindable(defaultValue = "120") @Min(1) int writesPerMinute,
                             @Bindable(defaultValue = "10") @Min(1) int authFailuresPerMinute) {
}
