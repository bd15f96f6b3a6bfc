package se.ange.tertial.web.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.PersonRoleRepository;
import se.ange.tertial.register.org.PersonRole;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.web.WebClient;
import se.ange.tertial.web.signin.WebSessions;

/**
 * {@code /personer} over HTTP with a session cookie: who may see and change what (the API's rules), the CSRF token,
 * and a refused form that comes back 422 with the field named — never a 500.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeoplePagesHttpTest {

    static final String ADMIN = "alva.admin@ange.example";
    static final String SARA = "sara.lindqvist@ange.example";
    static final String JOHAN = "johan.nordin@ange.example";
    static final String EMMA = "emma.berglund@ange.example";
    static final String AHMED = "ahmed.karimi@ange.example";

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
    PersonRoleRepository roles;

    @Inject
    WebSessions sessions;

    Api admin;

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.postCsv("/api/import/people", "name,email,role,department\nAlva Admin," + ADMIN + ",admin,Staben\n");
    }

    @Test
    void managers_and_owners_get_the_page_that_says_no() {
        long emma = id(EMMA);
        for (String email : List.of(JOHAN, EMMA)) {
            WebClient web = as(email);
            for (String path : List.of("/personer", "/personer/" + emma, "/personer/organisation", "/personer/import",
                    "/personer/" + emma + "/koppling/slack")) {
                HttpResponse<String> page = web.get(path);
                assertThat(page.statusCode()).as(email + " " + path).isEqualTo(403);
                assertThat(page.body()).contains("Du har inte behörighet");
            }
            web.get("/installningar"); // a form token of their own
            assertThat(web.post("/personer/" + emma + "/ersattare", Map.of("deputy", AHMED)).statusCode()).isEqualTo(403);
        }
        assertThat(people.findByEmail(EMMA).orElseThrow().deputyId()).isNull();
    }

    @Test
    void stab_reads_everything_and_changes_nothing() {
        WebClient stab = as(SARA);
        HttpResponse<String> list = stab.get("/personer");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Emma Berglund").contains("17 personer").doesNotContain("Importera personer");
        long emma = id(EMMA);
        HttpResponse<String> page = stab.get("/personer/" + emma);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("emma.berglund@ange.example").contains("Kopplad (U05OWN0001)")
                .doesNotContain("action=\"/personer/" + emma + "/roller\"")
                .doesNotContain("action=\"/personer/" + emma + "/ersattare\"")
                .contains("ändras av en administratör eller av personen själv");
        assertThat(stab.get("/personer/organisation").statusCode()).isEqualTo(200);

        assertThat(stab.post("/personer/" + emma + "/roller", Map.of("role_ADMIN", "on")).statusCode()).isEqualTo(403);
        assertThat(stab.post("/personer/" + emma + "/uppgifter", Map.of("name", "X")).statusCode()).isEqualTo(403);
        assertThat(stab.post("/personer/" + emma + "/ersattare", Map.of("deputy", AHMED)).statusCode()).isEqualTo(403);
        assertThat(stab.post("/personer/" + emma + "/franvaro", Map.of("from", "2024-05-01", "to", "2024-05-02"))
                .statusCode()).isEqualTo(403);
        assertThat(stab.post("/personer/" + emma + "/koppling/slack", Map.of()).statusCode()).isEqualTo(403);
        assertThat(stab.post("/personer/organisation/avdelningar", Map.of("name", "Ny")).statusCode()).isEqualTo(403);
        assertThat(stab.post("/personer/import", Map.of("csv", "name,email,role,department\nX,x@ange.example,admin,Staben"))
                .statusCode()).isEqualTo(403);

        Person after = people.findByEmail(EMMA).orElseThrow();
        assertThat(after.deputyId()).isNull();
        assertThat(after.slackUserId()).isEqualTo("U05OWN0001");
        assertThat(roleOf(after)).containsExactly(Role.OWNER);
        assertThat(people.findByEmail("x@ange.example")).isEmpty();
    }

    @Test
    void a_form_without_its_token_is_refused_and_changes_nothing() {
        WebClient web = as(ADMIN);
        long emma = id(EMMA);
        web.get("/personer/" + emma);
        HttpResponse<String> forged = web.postRaw("/personer/" + emma + "/roller", Map.of("role_ADMIN", "on"));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = web.postRaw("/personer/" + emma + "/roller", Map.of("role_ADMIN", "on", "_csrf", "x"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(roleOf(people.findByEmail(EMMA).orElseThrow())).containsExactly(Role.OWNER);
    }

    @Test
    void bad_input_comes_back_422_with_the_field_named() {
        WebClient web = as(ADMIN);
        long emma = id(EMMA);
        Person before = people.findByEmail(EMMA).orElseThrow();
        web.get("/personer/" + emma);

        HttpResponse<String> noName = web.post("/personer/" + emma + "/uppgifter", Map.of("name", "  ",
                "department", String.valueOf(before.departmentId()), "language", "SV"));
        assertThat(noName.statusCode()).isEqualTo(422);
        assertThat(noName.body()).contains("href=\"#name\"").contains("Skriv ett namn")
                .containsPattern("id=\"name\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"name\"");

        HttpResponse<String> otherUnit = web.post("/personer/" + emma + "/uppgifter", Map.of("name", "Emma B",
                "department", String.valueOf(people.findByEmail("maria.sjoberg@ange.example").orElseThrow().departmentId()),
                "unit", String.valueOf(before.unitId()), "language", "SV"));
        assertThat(otherUnit.statusCode()).isEqualTo(422);
        assertThat(otherUnit.body()).contains("href=\"#unit\"");

        for (Map<String, String> odd : List.of(Map.of("name", "E", "department", "abc", "language", "SV"),
                Map.of("name", "E", "department", "99999999999999999999999", "language", "XX"),
                Map.of("name", "E".repeat(300), "department", String.valueOf(before.departmentId()), "language", "EN"))) {
            assertThat(web.post("/personer/" + emma + "/uppgifter", odd).statusCode()).as(odd.toString()).isEqualTo(422);
        }

        HttpResponse<String> noRoles = web.post("/personer/" + emma + "/roller", Map.of());
        assertThat(noRoles.statusCode()).isEqualTo(422);
        assertThat(noRoles.body()).contains("href=\"#role-OWNER\"").contains("Välj minst en roll.");
        assertThat(web.post("/personer/" + emma + "/roller", Map.of("role_GATEWAY", "on")).statusCode()).isEqualTo(422);

        HttpResponse<String> backwards = web.post("/personer/" + emma + "/franvaro", Map.of("from", "2024-05-10",
                "to", "2024-05-01"));
        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(backwards.body()).contains("href=\"#absence-to\"").contains("Frånvaron kan inte sluta före den börjar.");
        assertThat(web.post("/personer/" + emma + "/franvaro", Map.of("from", "maj", "to", "")).statusCode())
                .isEqualTo(422);
        HttpResponse<String> self = web.post("/personer/" + emma + "/ersattare", Map.of("deputy", EMMA));
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).contains("href=\"#deputy\"");

        HttpResponse<String> taken = web.post("/personer/organisation/avdelningar", Map.of("name", "staben"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("href=\"#new-department\"").contains("Det namnet finns redan.");

        assertThat(web.get("/personer/999999").statusCode()).isEqualTo(404);
        assertThat(web.get("/personer/abc").statusCode()).isEqualTo(404);
        assertThat(web.post("/personer/abc/roller", Map.of("role_OWNER", "on")).statusCode()).isEqualTo(404);
        assertThat(web.post("/personer/" + emma + "/franvaro/abc/ta-bort", Map.of()).statusCode()).isEqualTo(303);
        assertThat(people.findByEmail(EMMA).orElseThrow()).isEqualTo(before);
    }

    @Test
    void the_admin_changes_a_person_and_each_change_is_audited() {
        WebClient web = as(ADMIN);
        long emma = id(EMMA);
        Person before = people.findByEmail(EMMA).orElseThrow();
        web.get("/personer/" + emma);
        HttpResponse<String> saved = web.post("/personer/" + emma + "/roller", Map.of("role_MANAGER", "on",
                "role_STAB", "on"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/personer/" + emma + "?sparad=roller");
        assertThat(web.get("/personer/" + emma + "?sparad=roller").body()).contains("Rollerna är sparade.");
        assertThat(roleOf(people.findByEmail(EMMA).orElseThrow())).containsExactlyInAnyOrder(Role.MANAGER, Role.STAB);

        assertThat(web.post("/personer/" + emma + "/uppgifter", Map.of("name", "Emma Berglund-Ek",
                "department", String.valueOf(before.departmentId()), "unit", "", "language", "EN")).statusCode())
                .isEqualTo(303);
        Person changed = people.findByEmail(EMMA).orElseThrow();
        assertThat(changed.name()).isEqualTo("Emma Berglund-Ek");
        assertThat(changed.unitId()).isNull();
        assertThat(changed.active()).isFalse(); // the box was not ticked

        assertThat(web.post("/personer/" + emma + "/ersattare", Map.of("deputy", AHMED)).statusCode()).isEqualTo(303);
        assertThat(web.post("/personer/" + emma + "/koppling/slack", Map.of()).statusCode()).isEqualTo(303);
        assertThat(people.findByEmail(EMMA).orElseThrow().slackUserId()).isNull();

        // an admin cannot lock themselves out
        long alva = id(ADMIN);
        HttpResponse<String> own = web.post("/personer/" + alva + "/roller", Map.of("role_STAB", "on"));
        assertThat(own.statusCode()).isEqualTo(422);
        assertThat(own.body()).contains("Du kan inte ta bort din egen administratörsroll.");
        HttpResponse<String> inactive = web.post("/personer/" + alva + "/uppgifter", Map.of("name", "Alva Admin",
                "department", String.valueOf(before.departmentId()), "language", "SV"));
        assertThat(inactive.statusCode()).isEqualTo(422);
        assertThat(inactive.body()).contains("href=\"#active\"").contains("Du kan inte göra dig själv inaktiv.");

        assertThat(web.post("/personer/organisation/avdelningar", Map.of("name", "Kulturavdelningen")).statusCode())
                .isEqualTo(303);
        List<Map<String, Object>> audit = admin.retrieve("/api/audit", Argument.listOf(Argument.mapOf(String.class,
                Object.class)));
        assertThat(audit.stream().filter(row -> "WEB".equals(row.get("channel"))).map(row -> row.get("action")))
                .contains("person.roles", "person.details", "person.deputy", "person.slack.unlinked",
                        "department.created");
        assertThat(audit.stream().filter(row -> "person.roles".equals(row.get("action"))).findFirst().orElseThrow())
                .containsEntry("actor", ADMIN);
    }

    @Test
    void the_list_searches_filters_and_pages() {
        WebClient web = as(ADMIN);
        assertThat(web.get("/personer?q=BERG").body()).contains("Emma Berglund").doesNotContain("Johan Nordin");
        String managers = web.get("/personer?roll=MANAGER").body();
        assertThat(managers).contains("5 personer").contains("Johan Nordin").doesNotContain("Emma Berglund");
        long staben = people.findByEmail(JOHAN).orElseThrow().departmentId();
        assertThat(web.get("/personer?avdelning=" + staben + "&roll=OWNER").body()).contains("Emma Berglund")
                .doesNotContain("Maria Sjöberg");
        StringBuilder csv = new StringBuilder("name,email,role,department\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("Test Person ").append(i).append(",test").append(i).append("@ange.example,owner,Staben\n");
        }
        admin.postCsv("/api/import/people", csv.toString());
        String first = web.get("/personer").body();
        assertThat(first).contains("37 personer (sida 1 av 2)").contains("href=\"/personer?sida=2\"");
        assertThat(web.get("/personer?sida=2").body()).contains("Föregående sida").doesNotContain("Nästa sida")
                .contains("<span aria-current=\"page\">Sida 2 av 2</span>");
        assertThat(web.get("/personer?sida=99").body()).contains("<span aria-current=\"page\">Sida 2 av 2</span>");
        assertThat(web.get("/personer?q=SJÖ").body()).contains("Maria Sjöberg").doesNotContain("Emma Berglund");
        for (String odd : List.of("?sida=-1", "?sida=abc", "?sida=99999999999999999999", "?avdelning=x", "?roll=GATEWAY",
                "?q=%25%27", "?importerad=1-2")) {
            assertThat(web.get("/personer" + odd).statusCode()).as(odd).isEqualTo(200);
        }
    }

    @Test
    void an_uploaded_file_is_previewed_and_nothing_is_stored_until_it_is_imported() throws Exception {
        WebClient web = as(ADMIN);
        String token = token(web.get("/personer/import").body());
        String csv = "name,email,role,department\nIda Nyström,ida.nystrom@ange.example,owner,Socialavdelningen\n"
                + "Olle Dahl,olle.dahl@ange.example,chefen,Ekonomiavdelningen\n";
        HttpResponse<String> preview = upload(web, token, csv);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("Okänd roll").contains("Ida Nyström")
                .contains("Nya: 1. Ändrade: 0. Oförändrade: 0. Rader som inte kan importeras: 1.")
                .doesNotContain("id=\"run-import\"");
        assertThat(people.findByEmail("ida.nystrom@ange.example")).isEmpty();
        HttpResponse<String> refused = web.post("/personer/import", Map.of("csv", csv));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(people.findByEmail("ida.nystrom@ange.example")).isEmpty();

        HttpResponse<String> empty = upload(web, token, "");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("href=\"#file\"");
        assertThat(upload(web, token, "not,a\ncsv").statusCode()).isEqualTo(200);
        assertThat(upload(web, "wrong", csv).statusCode()).isEqualTo(403);
        assertThat(people.findByEmail("ida.nystrom@ange.example")).isEmpty();

        HttpResponse<String> imported = web.post("/personer/import", Map.of("csv", csv.replace("chefen", "manager")));
        assertThat(imported.statusCode()).isEqualTo(303);
        assertThat(imported.headers().firstValue("Location")).hasValue("/personer?importerad=2-0-0");
        assertThat(people.findByEmail("olle.dahl@ange.example")).isPresent();
    }

    private HttpResponse<String> upload(WebClient web, String token, String csv) throws Exception {
        String boundary = "----tertial" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + (csv.isEmpty() ? "" : "people.csv") + "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n"
                + "--" + boundary + "--\r\n";
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/personer/import/forhandsgranska"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", WebSessions.COOKIE + "=" + web.cookie(WebSessions.COOKIE).orElseThrow())
                .header("Origin", server.getURL().toString()).header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private WebClient as(String email) {
        WebClient web = new WebClient(server.getURL().toString());
        web.setCookie(WebSessions.COOKIE, sessions.startFor(people.findByEmail(email).orElseThrow(), "test").cookie()
                .getValue());
        return web;
    }

    private long id(String email) {
        return people.findByEmail(email).orElseThrow().id();
    }

    private List<Role> roleOf(Person person) {
        return roles.findByPersonId(person.id()).stream().map(PersonRole::role).toList();
    }
}
