package se.ange.tertial.web.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadata;
import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import io.micronaut.security.oauth2.endpoint.token.response.validation.OpenIdTokenResponseValidator;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the ID token from the provider's token endpoint: signed by a key the provider publishes (its JWKS,
 * cached and refetched when a token names an unknown key), our exact issuer, our client id as audience, not
 * expired, and carrying the nonce this browser was given when the sign-in began. (Micronaut's own validator
 * needs micronaut-security-jwt, which this build does not have; Nimbus does the same checks.)
 */
class OidcIdTokens implements OpenIdTokenResponseValidator {

    private static final Logger LOG = LoggerFactory.getLogger(OidcIdTokens.class);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256);
    private static final int CLOCK_SKEW_SECONDS = 60;

    private final OidcSettings settings;
    private volatile JWKSource<SecurityContext> keys;
    private volatile String keysAt;

    OidcIdTokens(OidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<JWT> validate(OauthClientConfiguration client, OpenIdProviderMetadata metadata,
                                  OpenIdTokenResponse response, String nonce) {
        if (response.getIdToken() == null || nonce == null || nonce.isBlank()) {
            LOG.info("Refused an OIDC sign-in: no ID token or no nonce");
            return Optional.empty();
        }
        try {
            SignedJWT token = SignedJWT.parse(response.getIdToken());
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys(metadata)));
            DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(settings.clientId(),
                    new JWTClaimsSet.Builder().issuer(settings.issuer()).claim("nonce", nonce).build(),
                    Set.of("sub", "iat", "exp"));
            claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
            processor.setJWTClaimsSetVerifier(claims);
            processor.process(token, null);
            return Optional.of(token);
        } catch (ParseException | BadJOSEException | JOSEException | MalformedURLException e) {
            LOG.info("Refused an OIDC ID token: {}", e.getMessage()); // the reason only, never the token
            return Optional.empty();
        }
    }

    private JWKSource<SecurityContext> keys(OpenIdProviderMetadata metadata) throws MalformedURLException {
        String uri = metadata.getJwksUri();
        if (keys == null || !uri.equals(keysAt)) {
            keys = JWKSourceBuilder.create(URI.create(uri).toURL()).retrying(true).build();
            keysAt = uri;
        }
        return keys;
    }
}
