package se.ange.tertial.register.access;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * Roles and disclosure (issue 12): a GATEWAY token only delivers mail; what a caller may not see answers
 * exactly as what does not exist; {@code /health} by role; the browser-facing headers; 415 for a wrong
 * Content-Type. KS2024-002 is Emma Berglund's (Staben); KS2024-001 is Frida Håkansson's (Socialavdelningen).
 */
@MicronautTest(environments = "test", transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class RolesAndDisclosureTest {

    private static final String EMMA = "emma.berglund@ange.example";
    private static final String FRIDA = "frida.hakansson@ange.example";
    private static final String NOBODY = "ingen.alls@ange.example";
    private static final String MAIL = "From: someone@example.org\r\nTo: tertial@ange.example\r\n"
            + "Subject: Re: KS2024-002\r\nMessage-ID: <gw-1@example.org>\r\n\r\n2\r\n";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    Api admin;
    Api stab;

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        stab = admin.withNewToken("stab", "STAB", "sara.lindqvist@ange.example");
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
    }

    // --- GATEWAY -------------------------------------------------------------------------------------

    @Test
    void a_gateway_token_cannot_be_tied_to_a_person() {
        HttpResponse<Map> response = admin.postJson("/api/tokens",
                Map.of("name", "gw", "role", "GATEWAY", "person", EMMA));
        assertThat(response.code()).isEqualTo(422);
        assertThat((List<Map>) body(response).get("errors")).extracting(e -> e.get("field")).containsExactly("person");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /api/activities", "GET, /api/activities/KS2024-002", "POST, /api/activities/KS2024-002/reports",
        "PATCH, /api/activities/KS2024-002", "GET, /api/goals", "GET, /api/people/" + EMMA,
        "GET, /api/digests/preferences", "GET, /api/tertials/2024-T1/deviations", "GET, /api/activities/overdue",
        "GET, /api/reports/2024-T1", "GET, /api/tokens", "POST, /api/tokens", "GET, /api/audit",
        "POST, /api/import/activities", "GET, /health", "GET, /api/mail/inbound"})
    void a_gateway_token_gets_403_everywhere_but_the_mail_intake(String method, String uri) {
        Api gateway = admin.withNewToken("gw", "GATEWAY", null);
        HttpRequest<?> request = HttpRequest.create(HttpMethod.valueOf(method), uri)
                .body(method.equals("GET") ? null : Map.of("status", "2", "tertial", "2024-T1"));
        assertThat(gateway.exchange(request).code()).isEqualTo(403);
        assertThat((List) body(stab.get("/api/activities/KS2024-002")).get("history")).isEmpty();
    }

    @Test
    void a_gateway_token_delivers_mail() {
        Api gateway = admin.withNewToken("gw", "GATEWAY", null);
        HttpResponse<Map> delivered = gateway.exchange(HttpRequest.POST("/api/mail/inbound",
                MAIL.getBytes(StandardCharsets.UTF_8)).contentType("message/rfc822"));
        assertThat(delivered.code()).isEqualTo(200);
        assertThat(body(delivered)).containsKey("outcome");
    }

    // --- 404, not 403 --------------------------------------------------------------------------------

    @Test
    void someone_elses_activity_answers_as_one_that_does_not_exist() {
        Api emma = admin.withNewToken("emma", "OWNER", EMMA);
        Api johan = admin.withNewToken("johan", "MANAGER", "johan.nordin@ange.example");
        for (Api caller : List.of(emma, johan)) {
            assertSameAsMissing(caller.get("/api/activities/KS2024-001"), caller.get("/api/activities/KS2024-999"),
                    "KS2024-001", "KS2024-999");
            assertSameAsMissing(caller.postJson("/api/activities/KS2024-001/reports", report()),
                    caller.postJson("/api/activities/KS2024-999/reports", report()), "KS2024-001", "KS2024-999");
            assertSameAsMissing(caller.exchange(HttpRequest.PATCH("/api/activities/KS2024-001", Map.of("title", "x"))),
                    caller.exchange(HttpRequest.PATCH("/api/activities/KS2024-999", Map.of("title", "x"))),
                    "KS2024-001", "KS2024-999");
        }
        // what they may see but not change stays 403
        assertThat(emma.exchange(HttpRequest.PATCH("/api/activities/KS2024-002", Map.of("title", "x"))).code())
                .isEqualTo(403);
        assertThat(admin.postJson("/api/activities/KS2024-001/reports", report()).code()).isEqualTo(403);
        assertThat((List) body(stab.get("/api/activities/KS2024-001")).get("history")).isEmpty();
    }

    @Test
    void someone_elses_person_answers_as_an_unknown_e_mail() {
        Api emma = admin.withNewToken("emma", "OWNER", EMMA);
        assertSameAsMissing(emma.get("/api/people/" + FRIDA), emma.get("/api/people/" + NOBODY), FRIDA, NOBODY);
        assertSameAsMissing(emma.exchange(HttpRequest.PUT("/api/people/" + FRIDA + "/deputy", Map.of("deputy", EMMA))),
                emma.exchange(HttpRequest.PUT("/api/people/" + NOBODY + "/deputy", Map.of("deputy", EMMA))), FRIDA, NOBODY);
        Map<String, String> absence = Map.of("from", "2030-01-01", "to", "2030-01-02");
        assertSameAsMissing(emma.postJson("/api/people/" + FRIDA + "/absences", absence),
                emma.postJson("/api/people/" + NOBODY + "/absences", absence), FRIDA, NOBODY);
        assertSameAsMissing(emma.get("/api/digests/preferences?person=" + FRIDA),
                emma.get("/api/digests/preferences?person=" + NOBODY), FRIDA, NOBODY);
        assertSameAsMissing(emma.exchange(HttpRequest.PUT("/api/digests/preferences?person=" + FRIDA,
                        Map.of("enabled", false, "day", "MONDAY"))),
                emma.exchange(HttpRequest.PUT("/api/digests/preferences?person=" + NOBODY,
                        Map.of("enabled", false, "day", "MONDAY"))), FRIDA, NOBODY);
        assertSameAsMissing(emma.get("/api/digests/preview?manager=johan.nordin@ange.example"),
                emma.get("/api/digests/preview?manager=" + NOBODY), "johan.nordin@ange.example", NOBODY);

        // herself: seen; stab sees her but may not change her deputy (403)
        assertThat(emma.get("/api/people/" + EMMA).code()).isEqualTo(200);
        assertThat(stab.get("/api/people/" + EMMA).code()).isEqualTo(200);
        assertThat(stab.exchange(HttpRequest.PUT("/api/people/" + EMMA + "/deputy", Map.of("deputy", FRIDA))).code())
                .isEqualTo(403);
        assertThat(body(admin.get("/api/people/" + FRIDA))).containsEntry("deputy", null);
    }

    private static void assertSameAsMissing(HttpResponse<Map> hidden, HttpResponse<Map> missing, String hiddenName,
                                            String missingName) {
        assertThat(missing.code()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo(404);
        assertThat(hidden.getContentType()).isEqualTo(missing.getContentType());
        assertThat(body(hidden).toString().replace(hiddenName, "X"))
                .isEqualTo(body(missing).toString().replace(missingName, "X"));
    }

    private static Map<String, Object> report() {
        return Map.of("tertial", "2024-T1", "status", "PAGAENDE_ENLIGT_PLAN", "comment", "Enligt plan");
    }

    // --- /health -------------------------------------------------------------------------------------

    @Test
    void health_tells_anonymous_callers_up_or_down_and_details_only_to_an_admin() {
        HttpResponse<String> anonymous = raw(HttpRequest.GET("/health"));
        assertThat(anonymous.code()).isEqualTo(200);
        assertStatusOnly(anonymous.body());

        String stabToken = stab.token();
        HttpResponse<String> forStab = raw(HttpRequest.GET("/health").bearerAuth(stabToken));
        assertStatusOnly(forStab.body());

        HttpResponse<String> forAdmin = raw(HttpRequest.GET("/health").bearerAuth(Api.BOOTSTRAP_ADMIN));
        assertThat(forAdmin.code()).isEqualTo(200);
        assertThat(forAdmin.body()).contains("\"details\"").contains("\"database\"").contains("H2")
                .doesNotContainIgnoringCase("jdbc:").doesNotContain("tertial-");
    }

    @Test
    void liveness_and_readiness_answer_anyone_and_readiness_asks_the_database() {
        HttpResponse<String> liveness = raw(HttpRequest.GET("/health/liveness"));
        assertThat(liveness.code()).isEqualTo(200);
        assertThat(liveness.body().replaceAll("\\s", "")).contains("\"status\":\"UP\"").doesNotContain("database");

        HttpResponse<String> readiness = raw(HttpRequest.GET("/health/readiness"));
        assertThat(readiness.code()).isEqualTo(200);
        assertStatusOnly(readiness.body());
        assertThat(raw(HttpRequest.GET("/health/readiness").bearerAuth(Api.BOOTSTRAP_ADMIN)).body())
                .contains("\"database\"").contains("H2");
        assertThat(raw(HttpRequest.GET("/health/liveness").bearerAuth(Api.BOOTSTRAP_ADMIN)).body())
                .doesNotContain("database");
    }

    private static void assertStatusOnly(String health) {
        assertThat(health.replaceAll("\\s", "")).contains("\"status\":\"UP\"")
                .doesNotContain("\"details\":{").doesNotContain("database").doesNotContain("H2")
                .doesNotContainIgnoringCase("jdbc").doesNotContain("diskSpace");
    }

    // --- headers and 415 -----------------------------------------------------------------------------

    @Test
    void html_and_every_other_answer_carry_the_security_headers() {
        HttpResponse<String> html = raw(HttpRequest.GET("/api/reports/2024-T1?format=html").bearerAuth(stab.token()));
        assertThat(html.code()).isEqualTo(200);
        assertThat(html.getContentType().map(Object::toString)).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertSecurityHeaders(html);
        assertThat(html.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("default-src 'none'").doesNotContain("script-src");

        assertSecurityHeaders(raw(HttpRequest.GET("/api/activities").bearerAuth(stab.token())));
        assertSecurityHeaders(raw(HttpRequest.GET("/api/activities")));             // 401
        assertSecurityHeaders(raw(HttpRequest.GET("/api/activities/KS2024-999").bearerAuth(stab.token()))); // 404
        assertSecurityHeaders(raw(HttpRequest.GET("/health")));
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void a_wrong_content_type_is_415_not_403() {
        Api gateway = admin.withNewToken("gw", "GATEWAY", null);
        assertThat(gateway.exchange(HttpRequest.POST("/api/mail/inbound", MAIL).contentType("text/plain")).code())
                .isEqualTo(415);
        assertThat(stab.exchange(HttpRequest.POST("/api/activities/KS2024-002/reports", "status=2")
                .contentType("application/x-www-form-urlencoded")).code()).isEqualTo(415);
        assertThat(stab.exchange(HttpRequest.POST("/api/activities/KS2024-002/reports", "status;2")
                .contentType("text/csv")).code()).isEqualTo(415);
        assertThat((List) body(stab.get("/api/activities/KS2024-002")).get("history")).isEmpty();
    }

    private HttpResponse<String> raw(io.micronaut.http.MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse();
        }
    }
}
