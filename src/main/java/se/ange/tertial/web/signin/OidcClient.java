package se.ange.tertial.web.signin;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadata;
import io.micronaut.security.oauth2.client.OpenIdClient;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadata;
import io.micronaut.security.oauth2.endpoint.authorization.pkce.PkceChallenge;
import io.micronaut.security.oauth2.endpoint.authorization.pkce.PkceFactory;
import io.micronaut.security.oauth2.endpoint.authorization.request.AuthorizationRedirectHandler;
import io.micronaut.security.oauth2.endpoint.authorization.request.Display;
import io.micronaut.security.oauth2.endpoint.authorization.request.OpenIdAuthorizationRequest;
import io.micronaut.security.oauth2.endpoint.authorization.request.Prompt;
import io.micronaut.security.oauth2.endpoint.authorization.request.ResponseType;
import io.micronaut.security.oauth2.endpoint.authorization.response.DefaultOpenIdAuthorizationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.response.OpenIdAuthorizationResponseHandler;
import io.micronaut.security.oauth2.endpoint.authorization.state.StateFactory;
import io.micronaut.security.oauth2.endpoint.authorization.state.StateSerDes;
import io.micronaut.security.oauth2.endpoint.nonce.NonceFactory;
import io.micronaut.security.oauth2.endpoint.nonce.persistence.NoncePersistence;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.system.WebConfig;

/**
 * The OpenID Connect client behind Micronaut Security's {@code /oauth/login/entra} and
 * {@code /oauth/callback/entra}: the authorization code flow with PKCE (S256), state and nonce kept in
 * cookies by Micronaut's persistence. Micronaut's own OpenID client needs micronaut-security-jwt; this one
 * wires Micronaut's parts (redirect, state, nonce, PKCE, token endpoint, response handler) with our ID token
 * check ({@link OidcIdTokens}). The endpoints come from the issuer's discovery document, fetched at the first
 * sign-in (so the service starts while the provider is unreachable) and kept once fetched.
 */
class OidcClient implements OpenIdClient {

    private static final Logger LOG = LoggerFactory.getLogger(OidcClient.class);

    private final OidcSettings settings;
    private final OidcClientSettings client;
    private final WebConfig web;
    private final AuthorizationRedirectHandler redirects;
    private final StateFactory states;
    private final NonceFactory nonces;
    private final PkceFactory pkce;
    private final StateSerDes stateSerDes;
    private final NoncePersistence noncePersistence;
    private final OpenIdAuthorizationResponseHandler responses;
    private final OpenIdAuthenticationMapper people;
    private final OidcLoginHandler handler;
    private volatile OpenIdProviderMetadata metadata;

    OidcClient(OidcSettings settings, WebConfig web, AuthorizationRedirectHandler redirects, StateFactory states,
               NonceFactory nonces, PkceFactory pkce, StateSerDes stateSerDes, NoncePersistence noncePersistence,
               OpenIdAuthorizationResponseHandler responses, OpenIdAuthenticationMapper people,
               OidcLoginHandler handler) {
        this.settings = settings;
        this.client = new OidcClientSettings(settings);
        this.web = web;
        this.redirects = redirects;
        this.states = states;
        this.nonces = nonces;
        this.pkce = pkce;
        this.stateSerDes = stateSerDes;
        this.noncePersistence = noncePersistence;
        this.responses = responses;
        this.people = people;
        this.handler = handler;
    }

    @Override
    public String getName() {
        return OidcSettings.PROVIDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> authorizationRedirect(HttpRequest<?> request) {
        Optional<OpenIdProviderMetadata> provider = metadata();
        if (provider.isEmpty()) {
            return Publishers.just(handler.refused(request, OidcLoginHandler.FAILED));
        }
        MutableHttpResponse<?> response = redirects.redirect(new AuthorizationRequest(request, provider.get()),
                provider.get().getAuthorizationEndpoint());
        String next = request.getParameters().get("next");
        if (next != null) {
            response.cookie(handler.nextCookie(SignInController.safeNext(next)));
        }
        return Publishers.just(response);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Publisher<AuthenticationResponse> onCallback(HttpRequest<Map<String, Object>> request) {
        Optional<OpenIdProviderMetadata> provider = metadata();
        if (provider.isEmpty() || request.getParameters().contains("error")
                || !request.getParameters().contains("code")) {
            if (request.getParameters().contains("error")) {
                LOG.info("The OIDC provider refused a sign-in: {}", request.getParameters().get("error"));
            }
            return Publishers.just(AuthenticationResponse.failure(OidcLoginHandler.FAILED));
        }
        Publisher<AuthenticationResponse> answer = responses.handle(
                new DefaultOpenIdAuthorizationResponse(request, stateSerDes, noncePersistence), client, provider.get(),
                people, provider.get().tokenEndpoint());
        // a refused ID token ends the answer empty, a failed token request with an error: both are a refusal
        CompletableFuture<AuthenticationResponse> first = firstOf(answer).exceptionally(e -> {
            LOG.info("An OIDC sign-in failed: {}", e.toString());
            return null;
        }).thenApply(response -> response != null ? response : AuthenticationResponse.failure(OidcLoginHandler.FAILED));
        return Publishers.fromCompletableFuture(() -> first);
    }

    @Override
    public boolean supportsEndSession() {
        return false; // logout ends our session; the provider's session is the municipality's
    }

    @Override
    public Optional<MutableHttpResponse<?>> endSessionRedirect(HttpRequest<?> request, Authentication authentication) {
        return Optional.empty();
    }

    /** Where the provider sends the browser back: always our public address, as registered with the provider. */
    String callbackUri() {
        return web.link("/oauth/callback/" + OidcSettings.PROVIDER);
    }

    private Optional<OpenIdProviderMetadata> metadata() {
        if (metadata == null) {
            try {
                metadata = discover();
            } catch (IOException | ParseException | RuntimeException e) {
                LOG.warn("Cannot read the OIDC discovery document of {}: {}", settings.issuer(), e.toString());
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.of(metadata);
    }

    private OpenIdProviderMetadata discover() throws IOException, InterruptedException, ParseException {
        String address = settings.issuer().replaceAll("/+$", "") + "/.well-known/openid-configuration";
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(java.net.http.HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + address);
        }
        Map<String, Object> document = JSONObjectUtils.parse(response.body());
        String issuer = JSONObjectUtils.getString(document, "issuer");
        if (!settings.issuer().equals(issuer)) {
            throw new IOException("the document names another issuer: " + issuer);
        }
        List<String> challenges = JSONObjectUtils.getStringList(document, "code_challenge_methods_supported");
        return DefaultOpenIdProviderMetadata.builder(OidcSettings.PROVIDER)
                .issuer(issuer)
                .authorizationEndpoint(JSONObjectUtils.getString(document, "authorization_endpoint"))
                .tokenEndpoint(JSONObjectUtils.getString(document, "token_endpoint"))
                .jwksUri(JSONObjectUtils.getString(document, "jwks_uri"))
                .tokenEndpointAuthMethodsSupported(
                        JSONObjectUtils.getStringList(document, "token_endpoint_auth_methods_supported"))
                // Entra does not list its PKCE methods, yet supports S256: always use it
                .codeChallengeMethodsSupported(challenges == null || challenges.isEmpty() ? List.of("S256") : challenges)
                .build();
    }

    /** The first item a publisher gives (or null), as a future. */
    private static <T> CompletableFuture<T> firstOf(Publisher<T> publisher) {
        CompletableFuture<T> result = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(T item) {
                result.complete(item);
                subscription.cancel();
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                result.complete(null);
            }
        });
        return result;
    }

    /** The authorization request: our client, scopes and callback; state, nonce and PKCE from Micronaut's factories. */
    private final class AuthorizationRequest implements OpenIdAuthorizationRequest {

        private final HttpRequest<?> request;
        private final OpenIdProviderMetadata provider;

        AuthorizationRequest(HttpRequest<?> request, OpenIdProviderMetadata provider) {
            this.request = request;
            this.provider = provider;
        }

        @Override
        public List<String> getScopes() {
            return client.getScopes();
        }

        @Override
        public String getClientId() {
            return settings.clientId();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Optional<String> getState(MutableHttpResponse<?> response) {
            return Optional.of(states.buildState(request, response, this));
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Optional<String> getNonce(MutableHttpResponse response) {
            return Optional.of(nonces.buildNonce(request, response));
        }

        @Override
        public Optional<PkceChallenge> getPkceChallenge(MutableHttpResponse<?> response) {
            List<String> methods = provider instanceof DefaultOpenIdProviderMetadata known
                    && known.getCodeChallengeMethodsSupported() != null
                    ? known.getCodeChallengeMethodsSupported() : List.of("S256");
            return pkce.buildChallenge(request, response, methods);
        }

        @Override
        public String getResponseType() {
            return ResponseType.CODE.toString();
        }

        @Override
        public Optional<String> getRedirectUri() {
            return Optional.of(callbackUri());
        }

        @Override
        public Optional<String> getLoginHint() {
            return Optional.empty();
        }

        @Override
        public Optional<String> getIdTokenHint() {
            return Optional.empty();
        }

        @Override
        public Optional<String> getResponseMode() {
            return Optional.empty();
        }

        @Override
        public Optional<Display> getDisplay() {
            return Optional.empty();
        }

        @Override
        public Optional<Prompt> getPrompt() {
            return Optional.empty();
        }

        @Override
        public Optional<Integer> getMaxAge() {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> getUiLocales() {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> getAcrValues() {
            return Optional.empty();
        }
    }
}
