package se.ange.tertial.register.access;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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
 * Who may do what. KS2024-002 is Emma Berglund's (Staben, HR och Kommunikation); KS2024-001 is Frida
 * Håkansson's (Socialavdelningen). Johan Nordin manages Staben; Sara Lindqvist is stab.
 */
@MicronautTest(environments = "test", transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class AccessTest {

    private static final String OWN = "KS2024-002";
    private static final String OTHER = "KS2024-001";

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
        byRole.clear();
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        stab = admin.withNewToken("stab", "STAB", "sara.lindqvist@ange.example");
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
    }

    private final Map<String, Api> byRole = new java.util.HashMap<>();

    private Api as(String role) {
        return byRole.computeIfAbsent(role, r -> switch (r) {
            case "OWNER" -> admin.withNewToken("emma", "OWNER", "emma.berglund@ange.example");
            case "MANAGER" -> admin.withNewToken("johan", "MANAGER", "johan.nordin@ange.example");
            case "STAB" -> stab;
            default -> admin;
        });
    }

    private static Map<String, Object> report() {
        return Map.of("tertial", "2024-T1", "status", "PAGAENDE_ENLIGT_PLAN", "comment", "Enligt plan");
    }

    @ParameterizedTest(name = "{0}: read own {1}, read other {2}, change own {3}, change other {4}")
    @CsvSource({
        "OWNER,   200, 404, 201, 404",
        "MANAGER, 200, 404, 201, 404",
        "STAB,    200, 200, 201, 201",
        "ADMIN,   200, 200, 403, 403"})
    void each_role_reads_and_changes_what_it_may(String role, int readOwn, int readOther, int changeOwn,
                                                 int changeOther) {
        Api caller = as(role);
        assertThat(caller.get("/api/activities/" + OWN).code()).isEqualTo(readOwn);
        assertThat(caller.get("/api/activities/" + OTHER).code()).isEqualTo(readOther);
        assertThat(caller.postJson("/api/activities/" + OWN + "/reports", report()).code()).isEqualTo(changeOwn);
        HttpResponse<Map> other = caller.postJson("/api/activities/" + OTHER + "/reports", report());
        assertThat(other.code()).isEqualTo(changeOther);
        if (changeOther != 201) {
            assertThat(other.getContentType().map(Object::toString)).contains("application/problem+json");
            assertThat((List) body(stab.get("/api/activities/" + OTHER)).get("history")).isEmpty();
        }
    }

    @Test
    void an_owner_lists_only_their_own_activities_and_a_manager_their_department() {
        List<Map> mine = (List<Map>) body(as("OWNER").get("/api/activities?size=500")).get("items");
        assertThat(mine).isNotEmpty().allSatisfy(a -> assertThat(a.get("owners").toString())
                .contains("emma.berglund@ange.example"));
        List<Map> department = (List<Map>) body(as("MANAGER").get("/api/activities?size=500")).get("items");
        assertThat(department).hasSizeGreaterThan(mine.size())
                .allSatisfy(a -> assertThat(a.get("department")).isEqualTo("Staben"));
        Map deviations = body(as("OWNER").get("/api/tertials/2024-T1/deviations"));
        assertThat((List<Map>) deviations.get("items")).isNotEmpty().allSatisfy(i ->
                assertThat(((Map) i.get("activity")).get("owners").toString()).contains("emma.berglund"));
    }

    @Test
    void a_manager_may_reassign_owners_in_the_department_but_not_replan_it() {
        Api manager = as("MANAGER");
        HttpResponse<Map> owners = manager.exchange(HttpRequest.PATCH("/api/activities/" + OWN,
                Map.of("owners", List.of("ahmed.karimi@ange.example"))));
        assertThat(owners.code()).isEqualTo(200);
        HttpResponse<Map> title = manager.exchange(HttpRequest.PATCH("/api/activities/" + OWN, Map.of("title", "Nytt")));
        assertThat(title.code()).isEqualTo(403);
        assertThat(manager.exchange(HttpRequest.PATCH("/api/activities/" + OTHER,
                Map.of("owners", List.of("ahmed.karimi@ange.example")))).code()).isEqualTo(404); // not theirs to see
        // no longer Emma's after the reassignment: as if it did not exist
        assertThat(as("OWNER").exchange(HttpRequest.PATCH("/api/activities/" + OWN,
                Map.of("owners", List.of("ahmed.karimi@ange.example")))).code()).isEqualTo(404);
        assertThat(((Map) body(stab.get("/api/activities/" + OWN)).get("activity")).get("title"))
                .isEqualTo("Genomföra två föreläsningar för temat kost och återhämtning");
    }

    @Test
    void imports_audit_and_tokens_belong_to_their_roles() {
        Api owner = as("OWNER");
        assertThat(owner.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(403);
        assertThat(stab.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(403);
        assertThat(admin.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(403);
        assertThat(owner.get("/api/audit").code()).isEqualTo(403);
        assertThat(stab.get("/api/audit").code()).isEqualTo(200);
        assertThat(stab.postJson("/api/tokens", Map.of("name", "x", "role", "ADMIN")).code()).isEqualTo(403);
        assertThat(stab.get("/api/tokens").code()).isEqualTo(403);
    }

    @Test
    void the_audit_shows_a_change_with_the_person_and_the_credential_used() {
        as("OWNER").postJson("/api/activities/" + OWN + "/reports", report());
        List<Map> rows = stab.retrieve("/api/audit?activity=" + OWN, Argument.listOf(Map.class));
        Map reported = rows.get(rows.size() - 1);
        assertThat(reported).containsEntry("action", "status.reported")
                .containsEntry("actor", "emma.berglund@ange.example").containsEntry("credential", "emma")
                .containsEntry("channel", "API");
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/activities", "GET, /api/activities/KS2024-002", "POST, /api/activities/KS2024-002/reports",
        "PUT, /api/activities/KS2024-002", "PATCH, /api/activities/KS2024-002", "GET, /api/goals",
        "GET, /api/tertials/2024-T1/deviations", "POST, /api/import/activities", "POST, /api/import/people",
        "GET, /api/audit", "GET, /api/tokens", "POST, /api/tokens", "DELETE, /api/tokens/1", "GET, /api/nothing-here"})
    void without_credentials_every_api_endpoint_answers_401(String method, String uri) {
        Api anonymous = admin.as(null);
        HttpRequest<?> request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), uri)
                .body(method.equals("GET") || method.equals("DELETE") ? null : Map.of());
        assertThat(anonymous.exchange(request).code()).isEqualTo(401);
        assertThat(admin.as("tert_not-a-real-token").exchange(request).code()).isEqualTo(401);
        assertThat(admin.as("wrong-bootstrap").exchange(request).code()).isEqualTo(401);
    }

    @Test
    void a_token_is_shown_once_stored_hashed_and_refused_at_once_when_revoked() throws Exception {
        HttpResponse<Map> created = admin.postJson("/api/tokens", Map.of("name", "nightly-export", "role", "STAB"));
        String secret = (String) body(created).get("token");
        assertThat(secret).startsWith("tert_");
        Api script = admin.as(secret);
        assertThat(script.get("/api/activities").code()).isEqualTo(200);
        List<Map> listed = admin.retrieve("/api/tokens", Argument.listOf(Map.class));
        assertThat(listed).allSatisfy(t -> assertThat(t.get("token")).isNull());
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); var s = c.createStatement();
             var rows = s.executeQuery("SELECT token_hash FROM api_token WHERE name = 'nightly-export'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isNotEqualTo(secret).doesNotContain(secret.substring(5)).hasSize(64);
        }

        Number id = (Number) body(created).get("id");
        assertThat(admin.exchange(HttpRequest.DELETE("/api/tokens/" + id)).code()).isEqualTo(200);

        assertThat(script.get("/api/activities").code()).isEqualTo(401);
        assertThat(admin.retrieve("/api/audit", Argument.listOf(Map.class))).extracting(r -> r.get("action"))
                .contains("token.created", "token.revoked");
    }

    @Test
    void a_deputy_may_report_for_an_absent_owner_while_the_absence_lasts() {
        Api emma = as("OWNER");
        Api ahmed = admin.withNewToken("ahmed", "OWNER", "ahmed.karimi@ange.example");
        assertThat(ahmed.postJson("/api/activities/" + OWN + "/reports", report()).code()).isEqualTo(404);

        assertThat(stab.exchange(HttpRequest.PUT("/api/people/emma.berglund@ange.example/deputy",
                Map.of("deputy", "ahmed.karimi@ange.example"))).code()).isEqualTo(403);
        HttpResponse<Map> deputy = emma.exchange(HttpRequest.PUT("/api/people/emma.berglund@ange.example/deputy",
                Map.of("deputy", "ahmed.karimi@ange.example")));
        assertThat(deputy.code()).isEqualTo(200);
        assertThat(body(deputy)).containsEntry("deputy", "ahmed.karimi@ange.example");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));
        assertThat(emma.postJson("/api/people/emma.berglund@ange.example/absences",
                Map.of("from", today.minusDays(1).toString(), "to", today.plusDays(7).toString())).code()).isEqualTo(201);

        assertThat(ahmed.get("/api/activities/" + OWN).code()).isEqualTo(200);
        assertThat(ahmed.postJson("/api/activities/" + OWN + "/reports", report()).code()).isEqualTo(201);
        assertThat(ahmed.postJson("/api/activities/" + OTHER + "/reports", report()).code()).isEqualTo(404);
        assertThat(ahmed.get("/api/people/emma.berglund@ange.example").code()).isEqualTo(404);
        assertThat(emma.postJson("/api/people/emma.berglund@ange.example/absences",
                Map.of("from", "2030-01-10", "to", "2030-01-01")).code()).isEqualTo(422);

        // a coming absence is removed by the person (not by stab, not twice)
        assertThat(emma.postJson("/api/people/emma.berglund@ange.example/absences",
                Map.of("from", "2030-02-01", "to", "2030-02-05")).code()).isEqualTo(201);
        List<Map> absences = (List<Map>) body(emma.get("/api/people/emma.berglund@ange.example")).get("absences");
        Object id = absences.stream().filter(a -> "2030-02-01".equals(a.get("fromDate"))).findFirst().orElseThrow().get("id");
        String path = "/api/people/emma.berglund@ange.example/absences/" + id;
        assertThat(stab.exchange(HttpRequest.DELETE(path)).code()).isEqualTo(403);
        HttpResponse<Map> removed = emma.exchange(HttpRequest.DELETE(path));
        assertThat(removed.code()).isEqualTo(200);
        assertThat((List<Map>) body(removed).get("absences")).noneMatch(a -> "2030-02-01".equals(a.get("fromDate")));
        assertThat(emma.exchange(HttpRequest.DELETE(path)).code()).isEqualTo(404);
    }

    @Test
    void owner_and_manager_tokens_must_belong_to_a_person() {
        HttpResponse<Map> response = admin.postJson("/api/tokens", Map.of("name", "anon-owner", "role", "OWNER"));
        assertThat(response.code()).isEqualTo(422);
        assertThat((List<Map>) body(response).get("errors")).extracting(e -> e.get("field")).containsExactly("person");
    }
}
