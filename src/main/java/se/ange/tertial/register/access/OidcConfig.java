package se.ange.tertial.register.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * The municipality's OpenID Connect issuer (Microsoft Entra ID or any other), whose bearer JWTs the API
 * accepts. Set {@code TERTIAL_SECURITY_OIDC_ISSUER} and {@code TERTIAL_SECURITY_OIDC_AUDIENCE} to turn it on.
 *
 * @param issuer        the exact {@code iss} of tokens, e.g. https://login.microsoftonline.com/{tenant}/v2.0
 * @param audience      the expected {@code aud}: the app's client id
 * @param jwksUri       where the signing keys are published; by default read from the issuer's discovery document
 * @param emailClaims   the claims that may carry the user's e-mail, in order
 * @param clockSkewSeconds tolerance for exp/nbf between the issuer's clock and ours
 */
@ConfigurationProperties("tertial.security.oidc")
public record OidcConfig(@NotBlank String issuer, @NotBlank String audience, @Nullable String jwksUri,
                         @Bindable(defaultValue = "email,preferred_username,upn") List<String> emailClaims,
                         @Bindable(defaultValue = "60") int clockSkewSeconds) {
}
