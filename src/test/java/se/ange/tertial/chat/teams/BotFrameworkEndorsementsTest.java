package se.ange.tertial.chat.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A signing key that Bot Framework publishes with endorsements signs only for those channels: an activity
 * that names no channel (missing or blank {@code channelId}) is refused, not waved through.
 */
class BotFrameworkEndorsementsTest {

    private static final String APP_ID = "tertial-bot-app-id";
    private static final String ISSUER = "https://api.botframework.com";
    private static final String SERVICE_URL = "https://smba.trafficmanager.net/emea/";
    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static WireMockServer server;
    private static RSAKey endorsed;
    private static RSAKey unendorsed;

    @BeforeAll
    static void start() throws JOSEException {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        endorsed = new RSAKeyGenerator(2048).keyID("endorsed").generate();
        unendorsed = new RSAKeyGenerator(2048).keyID("unendorsed").generate();
        server.stubFor(get(urlEqualTo("/openid")).willReturn(okJson(
                JSONObjectUtils.toJSONString(Map.of("issuer", ISSUER, "jwks_uri", server.baseUrl() + "/keys")))));
        Map<String, Object> withEndorsements = new LinkedHashMap<>(endorsed.toPublicJWK().toJSONObject());
        withEndorsements.put("endorsements", List.of("msteams"));
        Map<String, Object> without = new LinkedHashMap<>(unendorsed.toPublicJWK().toJSONObject());
        server.stubFor(get(urlEqualTo("/keys")).willReturn(okJson(
                JSONObjectUtils.toJSONString(Map.of("keys", List.of(withEndorsements, without))))));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static BotFrameworkTokens tokens() {
        return new BotFrameworkTokens(new TeamsSettings(APP_ID, "app-password", null, server.baseUrl() + "/openid",
                ISSUER, server.baseUrl() + "/token", "https://api.botframework.com/.default", Duration.ofMinutes(5),
                null), CLOCK);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void a_key_with_endorsements_is_refused_when_the_activity_names_no_channel(String channelId) {
        assertThat(tokens().verify(bearer(endorsed), SERVICE_URL, channelId)).isEmpty();
    }

    @Test
    void the_endorsed_channel_is_accepted_and_another_refused() {
        BotFrameworkTokens tokens = tokens();
        assertThat(tokens.verify(bearer(endorsed), SERVICE_URL, "msteams")).isPresent();
        assertThat(tokens.verify(bearer(endorsed), SERVICE_URL, "webchat")).isEmpty();
    }

    @Test
    void a_key_published_without_endorsements_does_not_restrict_the_channel() {
        assertThat(tokens().verify(bearer(unendorsed), SERVICE_URL, null)).isPresent();
    }

    private static String bearer(RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(ISSUER).audience(APP_ID)
                            .issueTime(Date.from(NOW.minusSeconds(60))).notBeforeTime(Date.from(NOW.minusSeconds(60)))
                            .expirationTime(Date.from(NOW.plusSeconds(3540))).claim("serviceurl", SERVICE_URL).build());
            jwt.sign(new RSASSASigner(key));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
