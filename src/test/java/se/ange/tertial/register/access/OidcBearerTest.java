package se.ange.tertial.register.access;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * Bearer JWTs from an OpenID Connect issuer: a local stub publishes the discovery document and the
 * keys (generated here), as Microsoft Entra ID would.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcBearerTest implements TestPropertyProvider {

    private static final String AUDIENCE = "api://tertial-test";

    private final WireMockServer issuerStub = new WireMockServer(options().dynamicPort());
    private final RSAKey signingKey = newKey("key-1");
    private final RSAKey attackerKey = newKey("key-1"); // same key id, different key

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    private String issuer() {
        return issuerStub.baseUrl() + "/tenant-1/v2.0";
    }

    @Override
    public Map<String, String> getProperties() {
        issuerStub.start();
        issuerStub.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/tenant-1/v2.0/.well-known/openid-configuration").willReturn(okJson(
                "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuerStub.baseUrl() + "/tenant-1/keys\"}")));
        issuerStub.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/tenant-1/keys").willReturn(okJson(new JWKSet(signingKey.toPublicJWK()).toString())));
        return Map.of("tertial.security.oidc.issuer", issuer(), "tertial.security.oidc.audience", AUDIENCE);
    }

    @AfterAll
    void stopStub() {
        issuerStub.stop();
    }

    @BeforeEach
    void people() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    private Api bearer(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return new Api(client.toBlocking(), jwt.serialize());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet.Builder claims(String email) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(AUDIENCE).subject("sub-" + email)
                .claim("email", email).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    @Test
    void a_valid_token_for_a_known_email_gets_that_persons_roles() {
        Api sara = bearer(claims("Sara.Lindqvist@ange.example").build(), signingKey);
        assertThat(sara.get("/api/audit").code()).isEqualTo(200);

        Api emma = bearer(claims("emma.berglund@ange.example").build(), signingKey);
        assertThat(emma.get("/api/activities/KS2024-002").code()).isEqualTo(200);
        assertThat(emma.get("/api/activities/KS2024-001").code()).isEqualTo(404); // not hers: as if it did not exist
        assertThat(emma.get("/api/audit").code()).isEqualTo(403);
    }

    @Test
    void an_entra_token_carrying_the_address_in_preferred_username_is_accepted() {
        JWTClaimsSet entra = claims("x").claim("email", null)
                .claim("preferred_username", "sara.lindqvist@ange.example").build();
        assertThat(bearer(entra, signingKey).get("/api/audit").code()).isEqualTo(200);
    }

    @Test
    void expired_wrongly_signed_wrong_audience_wrong_issuer_and_unknown_people_get_401() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        JWTClaimsSet expired = claims("sara.lindqvist@ange.example")
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(30)))).build();
        assertThat(bearer(expired, signingKey).get("/api/activities").code()).isEqualTo(401);

        assertThat(bearer(claims("sara.lindqvist@ange.example").build(), attackerKey).get("/api/activities").code())
                .isEqualTo(401);
        assertThat(bearer(claims("sara.lindqvist@ange.example").audience("api://other-app").build(), signingKey)
                .get("/api/activities").code()).isEqualTo(401);
        assertThat(bearer(claims("sara.lindqvist@ange.example").issuer("https://evil.example/v2.0").build(), signingKey)
                .get("/api/activities").code()).isEqualTo(401);
        assertThat(bearer(claims("stranger@elsewhere.example").build(), signingKey).get("/api/activities").code())
                .isEqualTo(401);
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
