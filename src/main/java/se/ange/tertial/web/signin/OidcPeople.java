package se.ange.tertial.web.signin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import se.ange.tertial.register.org.EntraPeople;

/**
 * Maps a checked ID token to a person in the register by {@link EntraPeople}'s rule, exactly as Teams does:
 * the Entra object id ({@code oid}; {@code sub} for providers without one), else once the sign-in name
 * ({@code preferred_username}, else {@code upn}). Nobody is created by signing in; an unknown or inactive
 * person is refused with {@link #UNKNOWN}.
 */
@Singleton
@Named(OidcSettings.PROVIDER)
@Requires(bean = OidcSettings.class)
class OidcPeople implements OpenIdAuthenticationMapper {

    /** The refusal's message: a key in {@code i18n/web}. */
    static final String UNKNOWN = "signin.oidc.unknown";
    static final String PERSON_ID = "tertial.personId";

    private final EntraPeople entra;
    private final ExecutorService blocking;

    OidcPeople(EntraPeople entra, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.entra = entra;
        this.blocking = blocking;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String provider, OpenIdTokenResponse tokens,
                                                                          OpenIdClaims claims, State state) {
        String objectId = text(claims.get("oid")) != null ? text(claims.get("oid")) : claims.getSubject();
        String upn = text(claims.get(OpenIdClaims.CLAIMS_PREFERRED_USERNAME)) != null
                ? text(claims.get(OpenIdClaims.CLAIMS_PREFERRED_USERNAME)) : text(claims.get("upn"));
        CompletableFuture<AuthenticationResponse> lookup = CompletableFuture.supplyAsync(() -> entra.find(objectId, upn)
                .map(person -> AuthenticationResponse.success(String.valueOf(person.id()),
                        Map.of(PERSON_ID, person.id())))
                .orElseGet(() -> AuthenticationResponse.failure(UNKNOWN)), blocking);
        return Publishers.fromCompletableFuture(() -> lookup);
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
