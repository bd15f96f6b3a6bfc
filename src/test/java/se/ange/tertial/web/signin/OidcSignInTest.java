package se.ange.tertial.web.signin;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
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
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * Sign-in with an OpenID Connect provider, the whole authorization code flow over HTTP: a WireMock stub
 * plays Microsoft Entra ID (discovery document without PKCE methods, as Entra's; keys generated here; a token
 * endpoint that signs an ID token carrying the nonce it was given in the authorization redirect).
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInTest implements TestPropertyProvider {

    private static final String CLIENT_ID = "tertial-web-test";
    private static final String EMMA = "emma.berglund@ange.example";

    private final WireMockServer provider = new WireMockServer(options().dynamicPort());
    private final RSAKey signingKey = newKey("key-1");
    private final RSAKey attackerKey = newKey("key-1");
    private final java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    PersonRepository people;

    @Inject
    se.ange.tertial.notify.OutboxRepository outbox;

    private String issuer() {
        return provider.baseUrl() + "/tenant-1/v2.0";
    }

    @Override
    public Map<String, String> getProperties() {
        provider.start();
        provider.stubFor(WireMock.get("/tenant-1/v2.0/.well-known/openid-configuration").willReturn(okJson("{\"issuer\":\""
                + issuer() + "\",\"authorization_endpoint\":\"" + provider.baseUrl() + "/tenant-1/authorize\","
                + "\"token_endpoint\":\"" + provider.baseUrl() + "/tenant-1/token\",\"jwks_uri\":\""
                + provider.baseUrl() + "/tenant-1/keys\",\"response_types_supported\":[\"code\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_post\",\"client_secret_basic\"]}")));
        provider.stubFor(WireMock.get("/tenant-1/keys").willReturn(okJson(new JWKSet(signingKey.toPublicJWK()).toString())));
        return Map.of("tertial.web.oidc.issuer", issuer(), "tertial.web.oidc.client-id", CLIENT_ID,
                "tertial.web.oidc.client-secret", "s3cret");
    }

    @AfterAll
    void stopProvider() {
        provider.stop();
    }

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @Test
    void the_sign_in_page_offers_the_provider() throws Exception {
        HttpResponse<String> page = send("/login", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/oauth/login/entra\"").contains("Logga in med ditt konto i kommunen");
        assertThat(send("/login?next=%2Faktiviteter%2FKS2024-002", Map.of()).body())
                .contains("href=\"/oauth/login/entra?next=%2Faktiviteter%2FKS2024-002\"");
    }

    @Test
    void with_the_provider_on_the_e_mail_link_still_works() {
        se.ange.tertial.web.WebClient web = new se.ange.tertial.web.WebClient(server.getURL().toString());
        web.get("/login");
        HttpResponse<String> asked = web.post("/login", Map.of("email", "emma.berglund@ange.example"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("har vi skickat en inloggningslänk");
        // the link is prepared after the answer: wait for it, so it does not land in the next test's database
        assertThat(se.ange.tertial.web.SignInSteps.linkFor(outbox, people, "emma.berglund@ange.example"))
                .startsWith("/login/");
    }

    @Test
    void a_known_person_signs_in_by_upn_once_then_by_object_id() throws Exception {
        Started first = start("/mina");
        URI authorize = URI.create(first.location());
        Map<String, String> query = query(authorize);
        assertThat(authorize.getPath()).isEqualTo("/tenant-1/authorize");
        assertThat(query).containsEntry("client_id", CLIENT_ID).containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge",
                        "redirect_uri");
        assertThat(query.get("redirect_uri")).endsWith("/oauth/callback/entra");
        assertThat(query.get("scope")).contains("openid");

        HttpResponse<String> callback = finish(first, claims(first, "oid-emma", "Emma.Berglund@ange.example"),
                signingKey);
        assertThat(callback.statusCode()).isEqualTo(303);
        assertThat(callback.headers().firstValue("Location")).contains("/mina");
        String session = cookies(callback).get(WebSessions.COOKIE);
        assertThat(session).isNotBlank();

        // the token request proved the PKCE verifier behind the challenge, with our client's credentials
        String tokenRequest = provider.findAll(postRequestedFor(urlEqualTo("/tenant-1/token"))).get(0).getBodyAsString();
        Map<String, String> form = form(tokenRequest);
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "code-1");
        assertThat(s256(form.get("code_verifier"))).isEqualTo(query.get("code_challenge"));

        HttpResponse<String> mine = send("/mina", Map.of(WebSessions.COOKIE, session));
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("Emma Berglund");
        assertThat(people.findByEmail(EMMA).orElseThrow().teamsUserId()).isEqualTo("oid-emma");

        // next time the object id finds her, whatever the sign-in name says now
        Started second = start("/");
        HttpResponse<String> again = finish(second, claims(second, "oid-emma", "emma.b@elsewhere.example"), signingKey);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(cookies(again).get(WebSessions.COOKIE)).isNotBlank();
    }

    @Test
    void an_unknown_person_is_refused_and_nobody_is_created() throws Exception {
        long before = people.count();
        Started started = start("/");
        HttpResponse<String> callback = finish(started, claims(started, "oid-stranger", "stranger@ange.example"),
                signingKey);
        assertThat(callback.statusCode()).isEqualTo(403);
        assertThat(callback.body()).contains("Ditt konto finns inte i Tertial");
        assertThat(cookies(callback)).doesNotContainKey(WebSessions.COOKIE);
        assertThat(people.count()).isEqualTo(before);
    }

    @Test
    void a_person_mapped_to_another_object_id_is_not_taken_over() throws Exception {
        var johan = people.findByEmail("johan.nordin@ange.example").orElseThrow();
        people.update(johan.withTeamsUserId("oid-johan"));
        Started started = start("/");
        HttpResponse<String> callback = finish(started, claims(started, "oid-impostor", "johan.nordin@ange.example"),
                signingKey);
        assertThat(callback.statusCode()).isEqualTo(403);
        assertThat(cookies(callback)).doesNotContainKey(WebSessions.COOKIE);
        assertThat(people.findByEmail("johan.nordin@ange.example").orElseThrow().teamsUserId()).isEqualTo("oid-johan");
    }

    @Test
    void an_inactive_person_is_refused() throws Exception {
        var emma = people.findByEmail(EMMA).orElseThrow();
        people.update(emma.withTeamsUserId("oid-emma").withActive(false));
        Started started = start("/");
        HttpResponse<String> callback = finish(started, claims(started, "oid-emma", EMMA), signingKey);
        assertThat(callback.statusCode()).isEqualTo(403);
        assertThat(cookies(callback)).doesNotContainKey(WebSessions.COOKIE);
    }

    @Test
    void a_token_with_another_nonce_or_signed_by_another_key_or_a_forged_state_is_refused() throws Exception {
        Started started = start("/");
        JWTClaimsSet wrongNonce = new JWTClaimsSet.Builder(claims(started, "oid-emma", EMMA)).claim("nonce", "other")
                .build();
        assertRefused(finish(started, wrongNonce, signingKey));

        Started other = start("/");
        assertRefused(finish(other, claims(other, "oid-emma", EMMA), attackerKey));

        Started forged = start("/");
        stubToken(claims(forged, "oid-emma", EMMA), signingKey);
        String anotherState = query(URI.create(start("/").location())).get("state");
        assertRefused(send("/oauth/callback/entra?code=code-1&state=" + URLEncoder.encode(anotherState,
                StandardCharsets.UTF_8), forged.cookies()));
        assertThat(people.findByEmail(EMMA).orElseThrow().teamsUserId()).isNull();
    }

    @Test
    void the_provider_answering_with_an_error_gives_the_sign_in_page() throws Exception {
        Started started = start("/");
        HttpResponse<String> callback = send("/oauth/callback/entra?error=access_denied&state="
                + URLEncoder.encode(query(URI.create(started.location())).get("state"), StandardCharsets.UTF_8),
                started.cookies());
        assertRefused(callback);
    }

    private void assertRefused(HttpResponse<String> callback) {
        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.body()).contains("gick inte igenom");
        assertThat(cookies(callback)).doesNotContainKey(WebSessions.COOKIE);
    }

    /** A sign-in begun: where the browser is sent, and the cookies it was given. */
    private record Started(String location, Map<String, String> cookies) {
    }

    private Started start(String next) throws IOException, InterruptedException {
        HttpResponse<String> login = send("/oauth/login/entra?next=" + next, Map.of());
        assertThat(login.statusCode()).as(login.body()).isBetween(300, 399);
        return new Started(login.headers().firstValue("Location").orElseThrow(), cookies(login));
    }

    private HttpResponse<String> finish(Started started, JWTClaimsSet claims, RSAKey key)
            throws IOException, InterruptedException {
        stubToken(claims, key);
        String state = query(URI.create(started.location())).get("state");
        return send("/oauth/callback/entra?code=code-1&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8), started.cookies());
    }

    private void stubToken(JWTClaimsSet claims, RSAKey key) {
        provider.resetRequests();
        provider.stubFor(post("/tenant-1/token").willReturn(okJson("{\"access_token\":\"at\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3600,\"id_token\":\"" + sign(claims, key) + "\"}")));
    }

    private JWTClaimsSet claims(Started started, String objectId, String upn) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID).subject("sub-" + objectId)
                .claim("oid", objectId).claim("preferred_username", upn)
                .claim("nonce", query(URI.create(started.location())).get("nonce"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build();
    }

    private HttpResponse<String> send(String path, Map<String, String> cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> cookies(HttpResponse<?> response) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String value = pair.substring(eq + 1);
            if (!value.isEmpty() && !header.toLowerCase().contains("max-age=0")) {
                cookies.put(pair.substring(0, eq), value);
            }
        }
        return cookies;
    }

    private static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static String s256(String verifier) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
