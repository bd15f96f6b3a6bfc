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
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.MutableClock;

/**
 * Bot Framework's signing keys over time (a clock the test moves): kept for a day, then fetched again so a
 * withdrawn key stops working; a failed fetch is not repeated for ten seconds, and the keys already known
 * stay in use meanwhile.
 */
class BotFrameworkKeyAgeingTest {

    private static final String APP_ID = "tertial-bot-app-id";
    private static final String ISSUER = "https://api.botframework.com";
    private static final String SERVICE_URL = "https://smba.trafficmanager.net/emea/";

    private static WireMockServer server;
    private static RSAKey key1;
    private static RSAKey key2;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T09:00:00Z"), ZoneOffset.UTC);
    private BotFrameworkTokens tokens;

    @BeforeAll
    static void start() throws JOSEException {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        key1 = new RSAKeyGenerator(2048).keyID("key-1").generate();
        key2 = new RSAKeyGenerator(2048).keyID("key-2").generate();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void setUp() {
        server.resetAll();
        server.stubFor(get(urlEqualTo("/openid")).willReturn(okJson(JSONObjectUtils.toJSONString(
                Map.of("issuer", ISSUER, "jwks_uri", server.baseUrl() + "/keys")))));
        tokens = new BotFrameworkTokens(new TeamsSettings(APP_ID, "app-password", null, server.baseUrl() + "/openid",
                ISSUER, server.baseUrl() + "/token", "https://api.botframework.com/.default", Duration.ofMinutes(5), null),
                clock);
    }

    private boolean accepted(RSAKey key) {
        return tokens.verify(bearer(key), SERVICE_URL, "msteams").isPresent();
    }

    private int keyFetches() {
        return server.findAll(getRequestedFor(urlEqualTo("/keys"))).size();
    }

    @Test
    void keys_are_used_for_a_day_then_fetched_again_so_a_withdrawn_key_stops_working() {
        serveKeys(key1);
        assertThat(accepted(key1)).isTrue();

        serveKeys(key2); // Microsoft withdrew key-1
        clock.tick(Duration.ofHours(23));
        assertThat(accepted(key1)).as("within the day: the cached keys").isTrue();
        assertThat(keyFetches()).isEqualTo(1);

        clock.tick(Duration.ofHours(1).plusSeconds(1));
        assertThat(accepted(key1)).as("a day old: fetched again, key-1 is gone").isFalse();
        assertThat(keyFetches()).isEqualTo(2);
        assertThat(accepted(key2)).isTrue();
        assertThat(keyFetches()).isEqualTo(2);
    }

    @Test
    void a_failed_fetch_waits_ten_seconds_and_the_known_keys_stay_in_use_meanwhile() {
        serveKeys(key1);
        assertThat(accepted(key1)).isTrue();

        server.stubFor(get(urlEqualTo("/keys")).willReturn(aResponse().withStatus(503)));
        clock.tick(Duration.ofHours(24).plusSeconds(1));
        assertThat(accepted(key1)).as("the stale keys, since the fetch failed").isTrue();
        assertThat(keyFetches()).isEqualTo(2);

        clock.tick(Duration.ofSeconds(9));
        assertThat(accepted(key1)).isTrue();
        assertThat(keyFetches()).as("not again within ten seconds").isEqualTo(2);

        clock.tick(Duration.ofSeconds(1));
        assertThat(accepted(key1)).isTrue();
        assertThat(keyFetches()).as("ten seconds on: tried again").isEqualTo(3);

        serveKeys(key2);
        clock.tick(Duration.ofSeconds(10));
        assertThat(accepted(key1)).as("fetched at last: key-1 was withdrawn").isFalse();
        assertThat(accepted(key2)).isTrue();
        assertThat(keyFetches()).isEqualTo(4);
    }

    @Test
    void without_any_keys_a_failed_first_fetch_refuses_and_is_retried_only_after_ten_seconds() {
        server.stubFor(get(urlEqualTo("/keys")).willReturn(aResponse().withStatus(503)));
        assertThat(accepted(key1)).isFalse();
        clock.tick(Duration.ofSeconds(5));
        assertThat(accepted(key1)).isFalse();
        assertThat(keyFetches()).isEqualTo(1);

        serveKeys(key1);
        clock.tick(Duration.ofSeconds(5));
        assertThat(accepted(key1)).isTrue();
        assertThat(keyFetches()).isEqualTo(2);
    }

    private static void serveKeys(RSAKey... keys) {
        List<Object> entries = new ArrayList<>();
        for (RSAKey key : keys) {
            Map<String, Object> entry = new LinkedHashMap<>(key.toPublicJWK().toJSONObject());
            entry.put("endorsements", List.of("msteams"));
            entries.add(entry);
        }
        server.stubFor(get(urlEqualTo("/keys")).willReturn(okJson(JSONObjectUtils.toJSONString(Map.of("keys", entries)))));
    }

    /** A token Bot Framework would send now, signed by {@code key}. */
    private String bearer(RSAKey key) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(APP_ID)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(3600))).claim(BotFrameworkTokens.SERVICE_URL_CLAIM, SERVICE_URL)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
