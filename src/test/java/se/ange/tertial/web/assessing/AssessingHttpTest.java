package se.ange.tertial.web.assessing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.web.WebClient;
import se.ange.tertial.web.signin.WebSessions;

/**
 * The goal and texts pages over HTTP with a session cookie: who may see and change what (the API's rules),
 * the form token, refused values named at their field, a closed tertial read only — and never a 500.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessingHttpTest {

    static final String SARA = "sara.lindqvist@ange.example";   // stab
    static final String MARIA = "maria.sjoberg@ange.example";   // manager, Socialavdelningen
    static final String EMMA = "emma.berglund@ange.example";    // owner, Staben

    /** 3.2.1 is Socialavdelningen's alone; 3.1.1 is shared with Staben; 3.1.2 is Staben's alone. */
    static final String OWN_GOAL = "/rapport/2024-T1/mal/2024/3.2.1";
    static final String SHARED_GOAL = "/rapport/2024-T1/mal/2024/3.1.1";
    static final String OTHER_GOAL = "/rapport/2024-T1/mal/2024/3.1.2";

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
    WebSessions sessions;

    @Inject
    MutableClock clock;

    Api stab;

    @BeforeEach
    void plan() {
        clock.set(Instant.parse("2024-04-10T08:00:00Z"));
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        stab = admin.withNewToken("stab", "STAB", SARA);
        stab.postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @Test
    void an_owner_is_refused_both_pages() {
        WebClient emma = as(EMMA);
        assertThat(emma.get(OWN_GOAL).statusCode()).isEqualTo(403);
        HttpResponse<String> texts = emma.get("/rapport/2024-T1/texter");
        assertThat(texts.statusCode()).isEqualTo(403);
        assertThat(texts.body()).contains("Du har inte behörighet");
    }

    @Test
    void a_manager_decides_their_own_goal_reads_a_shared_one_and_is_refused_another_departments() {
        WebClient maria = as(MARIA);
        HttpResponse<String> own = maria.get(OWN_GOAL);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("name=\"assessment\"").contains(">Förslag<");

        HttpResponse<String> shared = maria.get(SHARED_GOAL);
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.body()).doesNotContain("name=\"assessment\"").contains("stab gör bedömningen");
        assertThat(maria.post(SHARED_GOAL, Map.of("assessment", "UPPFYLLD", "analysis", "")).statusCode())
                .isEqualTo(403);

        assertThat(maria.get(OTHER_GOAL).statusCode()).isEqualTo(403);
        assertThat(maria.get(OWN_GOAL).statusCode()).isEqualTo(200);
        assertThat(maria.post(OTHER_GOAL, Map.of("assessment", "UPPFYLLD")).statusCode()).isEqualTo(403);

        HttpResponse<String> saved = maria.post(OWN_GOAL, Map.of("assessment", "KNAPPT_UPPFYLLD",
                "analysis", "Två av fyra aktiviteter är försenade."));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue(OWN_GOAL + "?sparad=bedomning");
        Map<String, Object> api = Api.body(stab.get("/api/goals/2024/3.2.1/assessments/2024-T1"));
        assertThat(api.get("chosen")).isEqualTo(Map.of("name", "KNAPPT_UPPFYLLD", "label", "Knappt uppfylld"));
        assertThat(api.get("analysis")).isEqualTo("Två av fyra aktiviteter är försenade.");
        assertThat(api.get("decidedBy")).isEqualTo(MARIA);
        assertThat(maria.get(OWN_GOAL + "?sparad=bedomning").body()).contains("Bedömningen är sparad.")
                .contains("Beslutad bedömning: ◔ Knappt uppfylld").contains("Maria Sjöberg");

        assertThat(maria.get("/rapport/2024-T1/texter?kind=maluppfoljning").statusCode()).isEqualTo(403);
        assertThat(maria.get("/rapport/2024-T1/texter?kind=uppsikt&department=Staben").statusCode()).isEqualTo(403);
        HttpResponse<String> texts = maria.get("/rapport/2024-T1/texter");
        assertThat(texts.statusCode()).isEqualTo(200);
        assertThat(texts.body()).contains("uppsiktsrapporten för Socialavdelningen").contains("Avgränsning");
    }

    @Test
    void a_form_without_its_token_is_refused() {
        WebClient sara = as(SARA);
        sara.get(OWN_GOAL);
        assertThat(sara.postRaw(OWN_GOAL, Map.of("assessment", "UPPFYLLD")).statusCode()).isEqualTo(403);
        assertThat(sara.postRaw("/rapport/2024-T1/texter", Map.of("kind", "maluppfoljning", "section", "intro",
                "text", "x")).statusCode()).isEqualTo(403);
        assertThat(Api.body(stab.get("/api/goals/2024/3.2.1/assessments/2024-T1")).get("chosen")).isNull();
    }

    @Test
    void an_unknown_level_or_a_number_that_is_none_is_named_at_its_field() {
        long measure = measure("3.2.1");
        WebClient sara = as(SARA);
        sara.get(OWN_GOAL);
        HttpResponse<String> level = sara.post(OWN_GOAL, Map.of("assessment", "NASTAN", "analysis", "Min text"));
        assertThat(level.statusCode()).isEqualTo(422);
        assertThat(level.body()).contains("href=\"#assessment-UPPFYLLD\"").contains("Välj en av de fyra bedömningarna.")
                .contains("Min text");
        HttpResponse<String> none = sara.post(OWN_GOAL, Map.of("analysis", "x"));
        assertThat(none.statusCode()).isEqualTo(422);

        String path = OWN_GOAL + "/matt/" + measure;
        HttpResponse<String> number = sara.post(path, Map.of("value", "tolv", "comment", "Enligt enkäten"));
        assertThat(number.statusCode()).isEqualTo(422);
        assertThat(number.body()).contains("href=\"#value-" + measure + "\"").contains("aria-invalid=\"true\"")
                .contains("Skriv utfallet som ett tal").contains("value=\"tolv\"");
        assertThat(sara.post(path, Map.of("value", "1e400")).statusCode()).isEqualTo(422);
        assertThat(sara.post(path, Map.of("value", "9".repeat(40))).statusCode()).isEqualTo(422);

        HttpResponse<String> saved = sara.post(path, Map.of("value", "84,5", "comment", "Enligt enkäten"));
        assertThat(saved.statusCode()).isEqualTo(303);
        HttpResponse<String> page = sara.get(OWN_GOAL);
        assertThat(page.body()).contains("84,5 %").contains("Rapporterat av Sara Lindqvist den 10 april 2024");
    }

    @Test
    void odd_paths_and_values_never_give_a_server_error() {
        WebClient sara = as(SARA);
        List<String> paths = List.of("/rapport/2024-T9/mal/2024/3.2.1", "/rapport/2024-T1/mal/2023/3.2.1",
                "/rapport/2024-T1/mal/abc/3.2.1", "/rapport/2024-T1/mal/2024/9.9.9", "/rapport/x/mal/2024/3.2.1",
                "/rapport/2024-T1/mal/2024/" + "3".repeat(300), "/rapport/2024-T1/texter?kind=nej",
                "/rapport/2024-T1/texter?kind=uppsikt&department=Finns%20inte", "/rapport/2024-T9/texter",
                "/rapport/99999-T1/texter", "/rapport/2024-T1/texter?department=" + "å".repeat(400),
                "/rapport/2024-T1/texter?kind=maluppfoljning&aterstall=intro");
        for (String path : paths) {
            int code = sara.get(path).statusCode();
            assertThat(code).as(path).isIn(200, 404);
        }
        sara.get(OWN_GOAL);
        assertThat(sara.post(OWN_GOAL + "/matt/abc", Map.of("value", "1")).statusCode()).isEqualTo(404);
        assertThat(sara.post(OWN_GOAL + "/matt/99999", Map.of("value", "1")).statusCode()).isEqualTo(404);
        assertThat(sara.post(OWN_GOAL, Map.of("assessment", "UPPFYLLD", "analysis", "x".repeat(9000))).statusCode())
                .isEqualTo(422);
        assertThat(sara.post("/rapport/2024-T1/texter", Map.of("kind", "maluppfoljning", "section", "nope",
                "text", "x")).statusCode()).isEqualTo(404);
        assertThat(sara.post("/rapport/2024-T1/texter", Map.of("kind", "maluppfoljning", "section", "intro",
                "text", " ")).statusCode()).isEqualTo(422);
    }

    @Test
    void a_closed_tertial_is_read_only_and_a_late_form_is_told_so() {
        long measure = measure("3.2.1");
        WebClient sara = as(SARA);
        HttpResponse<String> open = sara.get(OWN_GOAL);
        assertThat(open.body()).contains("name=\"assessment\"");
        sara.get("/rapport/2024-T1/texter");
        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        assertThat(stab.postJson("/api/tertials/2024-T1/close", Map.of()).code()).isEqualTo(201);
        sara = as(SARA); // three weeks on: a new session (the form was loaded before the close)
        sara.get("/mina");

        HttpResponse<String> late = sara.post(OWN_GOAL, Map.of("assessment", "UPPFYLLD", "analysis", "Sent"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("är låst");
        assertThat(sara.post(OWN_GOAL + "/matt/" + measure, Map.of("value", "3")).statusCode()).isEqualTo(409);
        assertThat(sara.post("/rapport/2024-T1/texter", Map.of("kind", "maluppfoljning", "section", "intro",
                "text", "Sent")).statusCode()).isEqualTo(409);

        HttpResponse<String> closed = sara.get(OWN_GOAL);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).contains("är stängt").doesNotContain("name=\"assessment\"")
                .doesNotContain("name=\"value\"");
        HttpResponse<String> texts = sara.get("/rapport/2024-T1/texter");
        assertThat(texts.body()).contains("är stängt").doesNotContain("<textarea");
    }

    private long measure(String goal) {
        var created = stab.postJson("/api/goals/2024/" + goal + "/measures", Map.of("name", "Nöjda brukare",
                "unit", "%", "baseline", "80,5", "target", "90", "direction", "INCREASE"));
        assertThat(created.code()).isEqualTo(201);
        return ((Number) Api.body(created).get("id")).longValue();
    }

    private WebClient as(String email) {
        WebClient web = new WebClient(server.getURL().toString());
        web.setCookie(WebSessions.COOKIE, sessions.startFor(people.findByEmail(email).orElseThrow(), "test")
                .cookie().getValue());
        return web;
    }
}
