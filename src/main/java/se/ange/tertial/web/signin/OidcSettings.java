package se.ange.tertial.web.signin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;

/**
 * Sign-in to the pages with Microsoft Entra ID or any OpenID Connect provider; on when the issuer is set
 * ({@code TERTIAL_WEB_OIDC_ISSUER}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET}). Unset, sign-in is by e-mail
 * link only.
 *
 * @param issuer       the provider's exact issuer, e.g. https://login.microsoftonline.com/{tenant}/v2.0; its
 *                     {@code /.well-known/openid-configuration} names the endpoints and keys
 * @param clientId     the app registration's client (application) id
 * @param clientSecret the app registration's client secret
 */
@ConfigurationProperties("tertial.web.oidc")
@Requires(property = "tertial.web.oidc.issuer", pattern = ".+")
public record OidcSettings(String issuer, String clientId, @Nullable String clientSecret) {

    /** The provider's name in the paths: {@code /oauth/login/entra}, {@code /oauth/callback/entra}. */
    public static final String PROVIDER = "entra";
}
