package se.ange.tertial.register.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts bearer JWTs from the municipality's OpenID Connect issuer: signature against the issuer's
 * published keys (cached; refetched when a token names an unknown key), exact issuer, our audience,
 * expiry with a small clock skew. The e-mail in the token must belong to an active person in the register,
 * whose roles then apply.
 */
@Singleton
@Requires(property = "tertial.security.oidc.issuer", pattern = ".+")
class OidcTokenValidator implements TokenValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(OidcTokenValidator.class);
    static final String CREDENTIAL = "oidc";

    private final OidcConfig config;
    private final Callers callers;
    private final ExecutorService blocking;
    private volatile ConfigurableJWTProcessor<SecurityContext> processor;

    OidcTokenValidator(OidcConfig config, Callers callers, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.config = config;
        this.callers = callers;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Publishers.empty(); // not a JWT: an API token's business
        }
        CompletableFuture<Authentication> check = CompletableFuture.supplyAsync(
                () -> verify(token).flatMap(this::caller).map(Caller::toAuthentication).orElse(null), blocking);
        return Publishers.fromCompletableFuture(() -> check);
    }

    private Optional<JWTClaimsSet> verify(String token) {
        try {
            return Optional.of(processor().process(token, null));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            LOG.info("Refused a bearer JWT: {}", e.getMessage()); // the reason only, never the token
            return Optional.empty();
        }
    }

    private Optional<Caller> caller(JWTClaimsSet claims) {
        for (String claim : config.emailClaims()) {
            Object value = claims.getClaim(claim);
            if (value instanceof String email && email.contains("@")) {
                return callers.byEmail(email, CREDENTIAL);
            }
        }
        return Optional.empty();
    }

    private ConfigurableJWTProcessor<SecurityContext> processor() {
        if (processor == null) {
            synchronized (this) {
                if (processor == null) {
                    processor = newProcessor();
                }
            }
        }
        return processor;
    }

    private ConfigurableJWTProcessor<SecurityContext> newProcessor() {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUrl()).retrying(true).build();
        DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
        jwt.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256,
                        JWSAlgorithm.ES256), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(config.audience(),
                new JWTClaimsSet.Builder().issuer(config.issuer()).build(), Set.of("exp", "iss", "aud"));
        claims.setMaxClockSkew(config.clockSkewSeconds());
        jwt.setJWTClaimsSetVerifier(claims);
        return jwt;
    }

    /** The configured JWKS address, else the one the issuer's discovery document names. */
    private URL jwksUrl() {
        try {
            if (config.jwksUri() != null && !config.jwksUri().isBlank()) {
                return URI.create(config.jwksUri()).toURL();
            }
            String discovery = config.issuer().replaceAll("/+$", "") + "/.well-known/openid-configuration";
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(java.net.http.HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(10))
                            .build(), HttpResponse.BodyHandlers.ofString());
            return URI.create(JSONObjectUtils.getString(JSONObjectUtils.parse(response.body()), "jwks_uri")).toURL();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot find the OIDC issuer's keys for " + config.issuer(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
