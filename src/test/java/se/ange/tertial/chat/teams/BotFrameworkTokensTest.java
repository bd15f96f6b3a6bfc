package se.ange.tertial.chat.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BotFrameworkTokensTest {

    private static final String APP_ID = "tertial-bot-app-id";
    private static final String ISSUER = "https://api.botframework.com";
    private static final String SERVICE_URL = "https://smba.trafficmanager.net/emea/";
    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static WireMockServer server;
    private static RSAKey key1;
    private static RSAKey key2;
    private static RSAKey key3;
    private static RSAKey impostorKey1;

    private BotFrameworkTokens tokens;

    @BeforeAll
    static void startServer() throws JOSEException {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        key1 = new RSAKeyGenerator(2048).keyID("key-1").generate();
        key2 = new RSAKeyGenerator(2048).keyID("key-2").generate();
        key3 = new RSAKeyGenerator(2048).keyID("key-3").generate();
        impostorKey1 = new RSAKeyGenerator(2048).keyID("key-1").generate(); // same kid, other key material
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void setUp() {
        server.resetAll();
        server.stubFor(get(urlEqualTo("/v1/.well-known/openidconfiguration")).willReturn(okJson(
                JSONObjectUtils.toJSONString(Map.of("issuer", ISSUER, "jwks_uri", server.baseUrl() + "/keys",
                        "id_token_signing_alg_values_supported", List.of("RS256"))))));
        serveJwks(key1);
        tokens = new BotFrameworkTokens(settings("/v1/.well-known/openidconfiguration"), CLOCK);
    }

    @Test
    void valid_token_is_accepted() {
        assertThat(tokens.verify(bearer(key1, c -> {}), SERVICE_URL, "msteams"))
                .contains(new BotFrameworkTokens.Verified(SERVICE_URL, APP_ID));
    }

    @Test
    void service_url_matches_ignoring_trailing_slash_and_case_of_scheme_and_host() {
        assertThat(tokens.verify(bearer(key1, c -> {}), "HTTPS://SMBA.TrafficManager.net/emea", "msteams"))
                .isPresent();
        assertThat(tokens.verify(bearer(key1, c -> {}), "https://smba.trafficmanager.net/EMEA", "msteams"))
                .isEmpty();
    }

    @Test
    void token_signed_by_another_key_with_the_same_kid_is_refused() {
        assertThat(tokens.verify(bearer(impostorKey1, c -> {}), SERVICE_URL, "msteams")).isEmpty();
        // a known kid with a bad signature is no reason to re-fetch the keys
        server.verify(1, getRequestedFor(urlEqualTo("/keys")));
    }

    @Test
    void token_expired_beyond_the_clock_skew_is_refused() {
        assertThat(tokens.verify(bearer(key1, c -> c
                        .issueTime(Date.from(NOW.minus(Duration.ofHours(1))))
                        .notBeforeTime(Date.from(NOW.minus(Duration.ofHours(1))))
                        .expirationTime(Date.from(NOW.minus(Duration.ofMinutes(6))))),
                SERVICE_URL, "msteams")).isEmpty();
    }

    @Test
    void token_expired_within_the_clock_skew_is_accepted() {
        assertThat(tokens.verify(bearer(key1, c -> c
                        .issueTime(Date.from(NOW.minus(Duration.ofHours(1))))
                        .notBeforeTime(Date.from(NOW.minus(Duration.ofHours(1))))
                        .expirationTime(Date.from(NOW.minus(Duration.ofMinutes(4))))),
                SERVICE_URL, "msteams")).isPresent();
    }

    @Test
    void token_not_yet_valid_beyond_the_clock_skew_is_refused() {
        assertThat(tokens.verify(bearer(key1, c -> c.notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(6))))),
                SERVICE_URL, "msteams")).isEmpty();
    }

    @Test
    void token_without_exp_is_refused() {
        assertThat(tokens.verify(bearer(key1, c -> c.expirationTime(null)), SERVICE_URL, "msteams")).isEmpty();
    }

    @Test
    void wrong_audience_is_refused() {
        assertThat(tokens.verify(bearer(key1, c -> c.audience("some-other-bot")), SERVICE_URL, "msteams"))
                .isEmpty();
    }

    @Test
    void wrong_issuer_is_refused() {
        assertThat(tokens.verify(bearer(key1, c -> c.issuer("https://sts.windows.net/evil/")), SERVICE_URL,
                "msteams")).isEmpty();
    }

    @Test
    void missing_or_garbage_header_is_refused() {
        assertThat(tokens.verify(null, SERVICE_URL, "msteams")).isEmpty();
        assertThat(tokens.verify("", SERVICE_URL, "msteams")).isEmpty();
        assertThat(tokens.verify("Bearer", SERVICE_URL, "msteams")).isEmpty();
        assertThat(tokens.verify("Bearer ", SERVICE_URL, "msteams")).isEmpty();
        assertThat(tokens.verify("Bearer not.a.jwt", SERVICE_URL, "msteams")).isEmpty();
        assertThat(tokens.verify("Basic dXNlcjpwYXNz", SERVICE_URL, "msteams")).isEmpty();
        String valid = bearer(key1, c -> {});
        assertThat(tokens.verify(valid.substring("Bearer ".length()), SERVICE_URL, "msteams")).isEmpty();
    }

    @Test
    void token_with_another_algorithm_is_refused() throws JOSEException {
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(),
                claims(c -> {}));
        hs256.sign(new MACSigner(new byte[32]));
        assertThat(tokens.verify("Bearer " + hs256.serialize(), SERVICE_URL, "msteams")).isEmpty();
    }

    @Test
    void service_url_claim_mismatch_is_refused() {
        assertThat(tokens.verify(bearer(key1, c -> {}), "https://attacker.example/emea/", "msteams")).isEmpty();
        assertThat(tokens.verify(bearer(key1, c -> {}), null, "msteams")).isEmpty();
        assertThat(tokens.verify(bearer(key1, c -> c.claim(BotFrameworkTokens.SERVICE_URL_CLAIM, null)), SERVICE_URL, "msteams"))
                .isEmpty();
    }

    @Test
    void channel_not_among_the_key_endorsements_is_refused() {
        assertThat(tokens.verify(bearer(key1, c -> {}), SERVICE_URL, "slack")).isEmpty();
        assertThat(tokens.verify(bearer(key1, c -> {}), SERVICE_URL, null)).isEmpty();
    }

    @Test
    void unknown_kid_refetches_the_keys_once_and_not_again_within_a_minute() {
        assertThat(tokens.verify(bearer(key1, c -> {}), SERVICE_URL, "msteams")).isPresent();
        server.verify(1, getRequestedFor(urlEqualTo("/keys")));

        serveJwks(key1, key2); // Microsoft rotated in a new key
        assertThat(tokens.verify(bearer(key2, c -> {}), SERVICE_URL, "msteams")).isPresent();
        server.verify(2, getRequestedFor(urlEqualTo("/keys")));
        server.verify(2, getRequestedFor(urlEqualTo("/v1/.well-known/openidconfiguration")));

        // yet another unknown kid right after: refused without another fetch
        serveJwks(key1, key2, key3);
        assertThat(tokens.verify(bearer(key3, c -> {}), SERVICE_URL, "msteams")).isEmpty();
        server.verify(2, getRequestedFor(urlEqualTo("/keys")));

        // the keys already known keep working from the cache
        assertThat(tokens.verify(bearer(key2, c -> {}), SERVICE_URL, "msteams")).isPresent();
        server.verify(2, getRequestedFor(urlEqualTo("/keys")));
    }

    @Test
    void unknown_kid_on_the_very_first_request_does_not_fetch_twice() {
        assertThat(tokens.verify(bearer(key2, c -> {}), SERVICE_URL, "msteams")).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo("/keys")));
    }

    @Test
    void unreachable_metadata_means_refusal_not_an_exception() {
        server.stubFor(get(urlEqualTo("/broken")).willReturn(aResponse().withStatus(503)));
        BotFrameworkTokens broken = new BotFrameworkTokens(settings("/broken"), CLOCK);
        assertThat(broken.verify(bearer(key1, c -> {}), SERVICE_URL, "msteams")).isEmpty();

        BotFrameworkTokens nowhere = new BotFrameworkTokens(new TeamsSettings(APP_ID, "secret", null,
                "http://127.0.0.1:1/openid", ISSUER, "http://127.0.0.1:1/token", "scope",
                Duration.ofMinutes(5), null), CLOCK);
        assertThat(nowhere.verify(bearer(key1, c -> {}), SERVICE_URL, "msteams")).isEmpty();
    }

    // ---- helpers ----

    private static TeamsSettings settings(String metadataPath) {
        return new TeamsSettings(APP_ID, "app-password", null, server.baseUrl() + metadataPath, ISSUER,
                server.baseUrl() + "/token", "https://api.botframework.com/.default", Duration.ofMinutes(5), null);
    }

    /** The JWKS as Bot Framework publishes it: public RSA keys, each with its endorsements. */
    private static void serveJwks(RSAKey... keys) {
        List<Object> entries = new ArrayList<>();
        for (RSAKey key : keys) {
            Map<String, Object> entry = new LinkedHashMap<>(key.toPublicJWK().toJSONObject());
            entry.put("use", "sig");
            entry.put("endorsements", List.of("msteams", "skype"));
            entries.add(entry);
        }
        server.stubFor(get(urlEqualTo("/keys")).willReturn(okJson(
                JSONObjectUtils.toJSONString(Map.of("keys", entries)))));
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> tweak) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(APP_ID)
                .issueTime(Date.from(NOW.minus(Duration.ofMinutes(1))))
                .notBeforeTime(Date.from(NOW.minus(Duration.ofMinutes(1))))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(59))))
                .claim("serviceurl", SERVICE_URL);
        tweak.accept(builder);
        return builder.build();
    }

    private static String bearer(RSAKey signingKey, Consumer<JWTClaimsSet.Builder> tweak) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims(tweak));
            jwt.sign(new RSASSASigner(signingKey));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
