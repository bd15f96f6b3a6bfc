package se.ange.tertial.chat.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Microsoft's side of a Teams bot on one local WireMock server: the Bot Framework OpenID metadata and keys
 * (locally generated), the token endpoint, and a Bot Connector at {@link #serviceUrl()} that knows the
 * demo people as conversation members.
 */
final class BotFrameworkStub {

    static final String APP_ID = "tertial-bot-app-id";
    static final String BOT_ID = "28:" + APP_ID;
    static final String TENANT = "ange-tenant-id";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final RSAKey key;

    BotFrameworkStub() {
        try {
            key = new RSAKeyGenerator(2048).keyID("bf-key-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.start();
        server.stubFor(get(urlPathEqualTo("/openid")).willReturn(okJson(
                "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\"" + server.baseUrl() + "/keys\"}")));
        Map<String, Object> jwk = new java.util.HashMap<>(key.toPublicJWK().toJSONObject());
        jwk.put("endorsements", List.of("msteams"));
        server.stubFor(get(urlPathEqualTo("/keys")).willReturn(okJson(
                com.nimbusds.jose.util.JSONObjectUtils.toJSONString(Map.of("keys", List.of(jwk))))));
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"bot-access-token\"}")));
        server.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities")).atPriority(10)
                .willReturn(okJson("{\"id\":\"posted-1\"}")));
        server.stubFor(put(urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+")).willReturn(okJson("{\"id\":\"posted-1\"}")));
        member("29:emma", "aad-emma", "emma.berglund@ange.example");
        member("29:sara", "aad-sara", "sara.lindqvist@ange.example");
        member("29:ahmed", "aad-ahmed", "ahmed.karimi@ange.example");
        // someone in another account whose (unverified) e-mail attribute claims to be a manager
        server.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/29%3Amallory"))
                .willReturn(okJson("{\"id\":\"29:mallory\",\"aadObjectId\":\"aad-mallory\",\"email\":\"johan.nordin@ange.example\","
                        + "\"userPrincipalName\":\"mallory@elsewhere.example\"}")));
        server.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/29%3Astranger"))
                .willReturn(aResponse().withStatus(404)));
    }

    private void member(String id, String aadObjectId, String email) {
        server.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/" + id.replace(":", "%3A")))
                .willReturn(okJson("{\"id\":\"" + id + "\",\"aadObjectId\":\"" + aadObjectId + "\",\"email\":\"" + email
                        + "\",\"userPrincipalName\":\"" + email + "\",\"name\":\"" + email + "\"}")));
    }

    Map<String, String> properties() {
        return Map.of("tertial.teams.app-id", APP_ID, "tertial.teams.app-password", "test-app-password",
                "tertial.teams.tenant-id", TENANT,
                "tertial.teams.openid-metadata-url", server.baseUrl() + "/openid",
                "tertial.teams.token-url", server.baseUrl() + "/token");
    }

    String serviceUrl() {
        return server.baseUrl() + "/teams/";
    }

    /** A Bot Framework token as Microsoft would send it at {@code now}, changed by {@code tweak}. */
    String bearer(Instant now, Consumer<JWTClaimsSet.Builder> tweak) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("https://api.botframework.com").audience(APP_ID)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(3600))).claim(BotFrameworkTokens.SERVICE_URL_CLAIM, serviceUrl());
        tweak.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + jwt.serialize();
    }

    String bearer(Instant now) {
        return bearer(now, claims -> { });
    }

    /** An activity from a user in their 1:1 conversation with the bot. */
    static ObjectNode activity(String type, String userId, String aadObjectId, String serviceUrl) {
        ObjectNode activity = JSON.objectNode().put("type", type).put("id", "incoming-" + System.nanoTime())
                .put("channelId", "msteams").put("serviceUrl", serviceUrl);
        activity.set("from", JSON.objectNode().put("id", userId).put("aadObjectId", aadObjectId));
        activity.set("recipient", JSON.objectNode().put("id", BOT_ID).put("name", "Tertial"));
        activity.set("conversation", JSON.objectNode().put("id", "a:1on1-" + userId.substring(3))
                .put("conversationType", "personal").put("tenantId", TENANT));
        activity.set("channelData", JSON.objectNode().set("tenant", JSON.objectNode().put("id", TENANT)));
        return activity;
    }

    /** What the bot posted to a conversation, newest last. */
    List<String> posted(String conversationId) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlPathEqualTo("/teams/v3/conversations/" + conversationId.replace(":", "%3A") + "/activities")))
                .stream().map(LoggedRequest::getBodyAsString).toList();
    }

    void stop() {
        server.stop();
    }
}
