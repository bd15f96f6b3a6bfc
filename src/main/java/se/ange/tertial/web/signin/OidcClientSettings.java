package se.ange.tertial.web.signin;

import io.micronaut.security.oauth2.client.clientcredentials.ClientCredentialsConfiguration;
import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import io.micronaut.security.oauth2.configuration.OpenIdClientConfiguration;
import io.micronaut.security.oauth2.configuration.endpoints.OauthAuthorizationEndpointConfiguration;
import io.micronaut.security.oauth2.configuration.endpoints.SecureEndpointConfiguration;
import io.micronaut.security.oauth2.grants.GrantType;
import java.util.List;
import java.util.Optional;

/**
 * Our settings in the shape Micronaut Security's OAuth 2.0 parts take. Built here rather than under
 * {@code micronaut.security.oauth2.clients}: the endpoints come from the issuer's discovery document, and with
 * the issuer unset nothing of it exists.
 */
record OidcClientSettings(OidcSettings settings) implements OauthClientConfiguration {

    @Override
    public String getName() {
        return OidcSettings.PROVIDER;
    }

    @Override
    public String getClientId() {
        return settings.clientId();
    }

    @Override
    public String getClientSecret() {
        return settings.clientSecret();
    }

    @Override
    public List<String> getScopes() {
        return List.of("openid", "profile", "email");
    }

    @Override
    public GrantType getGrantType() {
        return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public Optional<SecureEndpointConfiguration> getToken() {
        return Optional.empty();
    }

    @Override
    public Optional<OauthAuthorizationEndpointConfiguration> getAuthorization() {
        return Optional.empty();
    }

    @Override
    public Optional<ClientCredentialsConfiguration> getClientCredentials() {
        return Optional.empty();
    }

    @Override
    public Optional<SecureEndpointConfiguration> getIntrospection() {
        return Optional.empty();
    }

    @Override
    public Optional<SecureEndpointConfiguration> getRevocation() {
        return Optional.empty();
    }

    @Override
    public Optional<OpenIdClientConfiguration> getOpenid() {
        return Optional.empty();
    }

    @Override
    public boolean isEnabled() {
        return true;
    }
}
