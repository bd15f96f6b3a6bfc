package se.ange.tertial.web.signin;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.oauth2.endpoint.authorization.pkce.PkceFactory;
import io.micronaut.security.oauth2.endpoint.authorization.pkce.persistence.PkcePersistence;
import io.micronaut.security.oauth2.endpoint.authorization.request.AuthorizationRedirectHandler;
import io.micronaut.security.oauth2.endpoint.authorization.response.DefaultOpenIdAuthorizationResponseHandler;
import io.micronaut.security.oauth2.endpoint.authorization.state.StateFactory;
import io.micronaut.security.oauth2.endpoint.authorization.state.StateSerDes;
import io.micronaut.security.oauth2.endpoint.authorization.state.validation.StateValidator;
import io.micronaut.security.oauth2.endpoint.nonce.NonceFactory;
import io.micronaut.security.oauth2.endpoint.nonce.persistence.NoncePersistence;
import io.micronaut.security.oauth2.endpoint.token.request.TokenEndpointClient;
import io.micronaut.security.oauth2.url.OauthRouteUrlBuilder;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.concurrent.ExecutorService;
import se.ange.tertial.system.WebConfig;

/**
 * With an OpenID Connect provider configured ({@link OidcSettings}): the sign-in page offers it, and
 * Micronaut Security's OAuth routes get our client, whose redirect URI is always {@code <base url>/oauth/callback/entra}.
 */
@Factory
@Requires(bean = OidcSettings.class)
class OidcSignIn {

    @Singleton
    OidcSignInOption option() {
        return new OidcSignInOption("/oauth/login/" + OidcSettings.PROVIDER);
    }

    @Singleton
    @Named(OidcSettings.PROVIDER)
    OidcClient client(OidcSettings settings, WebConfig web, AuthorizationRedirectHandler redirects,
                      StateFactory states, NonceFactory nonces, PkceFactory pkce, StateSerDes stateSerDes,
                      NoncePersistence noncePersistence, PkcePersistence pkcePersistence,
                      TokenEndpointClient tokenEndpoint, StateValidator stateValidator,
                      @Named(OidcSettings.PROVIDER) OidcPeople people, OidcLoginHandler handler,
                      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        var responses = new DefaultOpenIdAuthorizationResponseHandler<HttpRequest<?>>(new OidcIdTokens(settings),
                people, tokenEndpoint, new PublicUrls(web), stateValidator, pkcePersistence, blocking);
        return new OidcClient(settings, web, redirects, states, nonces, pkce, stateSerDes, noncePersistence,
                responses, people, handler);
    }

    /** The OAuth routes' absolute addresses from {@code tertial.web.base-url}, not from the request's Host header. */
    private record PublicUrls(WebConfig web) implements OauthRouteUrlBuilder<HttpRequest<?>> {

        @Override
        public URL buildLoginUrl(HttpRequest<?> request, String provider) {
            return buildUrl(request, buildLoginUri(provider).toString());
        }

        @Override
        public URL buildCallbackUrl(HttpRequest<?> request, String provider) {
            return buildUrl(request, buildCallbackUri(provider).toString());
        }

        @Override
        public URI buildLoginUri(String provider) {
            return URI.create("/oauth/login/" + provider);
        }

        @Override
        public URI buildCallbackUri(String provider) {
            return URI.create("/oauth/callback/" + provider);
        }

        @Override
        public URL buildUrl(HttpRequest<?> request, String path) {
            try {
                return URI.create(web.link(path)).toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
