package se.ange.tertial.web.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.web.signin.WebSessions;

/**
 * The plan pages over HTTP with a session cookie: who may see and change what (the API's rules), the CSRF token
 * required, refused forms with their errors at the fields, ending an activity, the import preview storing nothing,
 * and the new-year copy previewed then done.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanPagesHttpTest {

    static final String SARA = "sara.lindqvist@ange.example";
    static final String JOHAN = "johan.nordin@ange.example";
    static final String EMMA = "emma.berglund@ange.example";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

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

    private Api stab;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void plan() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        stab = admin.withNewToken("stab", "STAB", null);
        stab.postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @Test
    void an_owner_gets_the_page_that_says_no_and_stab_is_sent_to_this_year() {
        Session emma = session(EMMA);
        HttpResponse<String> refused = emma.get("/plan/2024");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<!DOCTYPE html>").doesNotContain("KS2024-002");
        assertThat(emma.get("/plan").statusCode()).isEqualTo(403);
        assertThat(emma.get("/plan/2024/ny").statusCode()).isEqualTo(403);

        Session sara = session(SARA);
        HttpResponse<String> current = sara.get("/plan");
        assertThat(current.statusCode()).isEqualTo(303);
        assertThat(current.headers().firstValue("Location")).hasValue("/plan/2024");
        HttpResponse<String> page = sara.get("/plan/2024");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("3.1.1").contains("KS2024-002").contains("KS2024-001")
                .contains("/plan/2024/aktivitet/KS2024-002");
        assertThat(sara.get("/plan/2031").body()).contains("Det finns ingen plan för 2031");
        assertThat(sara.get("/plan/abc").statusCode()).isEqualTo(404);
        assertThat(sara.get("/plan/2024/aktivitet/NOPE-1").statusCode()).isEqualTo(404);
    }

    @Test
    void a_manager_sees_the_department_adds_own_and_may_not_edit_others() {
        Session johan = session(JOHAN);
        HttpResponse<String> page = johan.get("/plan/2024");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("KS2024-002").doesNotContain("KS2024-001"); // Socialavdelningen's
        assertThat(page.body()).doesNotContain("/plan/2024/aktivitet/KS2024-002"); // the board's: stab edits it

        assertThat(johan.get("/plan/2024/aktivitet/KS2024-001").statusCode()).isEqualTo(404);
        assertThat(johan.get("/plan/2024/aktivitet/KS2024-002").statusCode()).isEqualTo(403);
        johan.get("/plan/2024/ny");
        HttpResponse<String> other = johan.post("/plan/2024/aktivitet/KS2024-001", Map.of("title", "Kapad",
                "goal", "3.1.1", "department", "Staben", "start", "2024-01-01", "end", "2024-12-31", "ownerEmails", EMMA));
        assertThat(other.statusCode()).isEqualTo(404);
        HttpResponse<String> board = johan.post("/plan/2024/aktivitet/KS2024-002", Map.of("title", "Kapad",
                "goal", "3.1.1", "department", "Staben", "start", "2024-01-01", "end", "2024-12-31", "ownerEmails", EMMA));
        assertThat(board.statusCode()).isEqualTo(403);
        assertThat(title("KS2024-001")).isNotEqualTo("Kapad");
        assertThat(title("KS2024-002")).isNotEqualTo("Kapad");

        HttpResponse<String> elsewhere = johan.post("/plan/2024/ny", Map.of("ref", "ST2024-150", "title", "Fel avdelning",
                "goal", "3.1.1", "department", "Socialavdelningen", "start", "2024-05-01", "end", "2024-06-30",
                "ownerEmails", EMMA));
        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(elsewhere.body()).contains("din egen avdelning").contains("aria-invalid=\"true\"");
        assertThat(stab.get("/api/activities/ST2024-150").code()).isEqualTo(404);

        HttpResponse<String> created = johan.postRaw("/plan/2024/ny", "ref=ST2024-150&title=Temadag+om+h%C3%A4lsa"
                + "&goal=3.1.1&department=Staben&unit=&start=2024-05-01&end=2024-06-30"
                + "&owner=" + enc(EMMA) + "&owner=" + enc("ahmed.karimi@ange.example") + "&ownerEmails=&_csrf=" + johan.csrf);
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location").orElseThrow()).startsWith("/plan/2024?sparad=ny&ref=ST2024-150");
        Map<String, Object> activity = activity("ST2024-150");
        assertThat(activity).containsEntry("source", "UNIT").containsEntry("department", "Staben");
        assertThat(activity.get("owners").toString()).contains(EMMA).contains("ahmed.karimi@ange.example");
        assertThat(johan.get("/plan/2024?sparad=ny&ref=ST2024-150").body())
                .contains("ST2024-150 är tillagd.").contains("Avdelningens egen")
                .contains("/plan/2024/aktivitet/ST2024-150");

        johan.get("/plan/2024/aktivitet/ST2024-150");
        HttpResponse<String> moved = johan.post("/plan/2024/aktivitet/ST2024-150", Map.of("title", "Temadag om hälsa",
                "goal", "3.1.2", "department", "Staben", "start", "2024-05-01", "end", "2024-08-31", "ownerEmails", EMMA));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(activity("ST2024-150")).containsEntry("goal", "3.1.2").containsEntry("endDate", "2024-08-31");
        List<Map<String, Object>> audit = stab.retrieve("/api/audit", Argument.listOf(Argument.mapOf(String.class, Object.class)))
                .stream().filter(row -> "activity:ST2024-150".equals(row.get("subject"))).toList();
        assertThat(audit).extracting(row -> row.get("action")).contains("activity.created", "activity.updated");
        assertThat(audit).allSatisfy(row -> assertThat(row).containsEntry("channel", "WEB").containsEntry("actor", JOHAN));
    }

    @Test
    void a_form_without_the_token_is_refused_and_a_wrong_form_comes_back_with_its_errors() {
        Session sara = session(SARA);
        sara.get("/plan/2024/ny");
        HttpResponse<String> forged = sara.postRaw("/plan/2024/ny", "ref=KS2024-300&title=X&goal=3.1.1&source=KS"
                + "&department=Staben&start=2024-05-01&end=2024-06-30&ownerEmails=" + enc(EMMA));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(stab.get("/api/activities/KS2024-300").code()).isEqualTo(404);

        HttpResponse<String> wrong = sara.post("/plan/2024/ny", Map.of("ref", "KS2024-300", "title", " ", "goal", "3.1.1",
                "source", "KS", "department", "Staben", "start", "2024-06-30", "end", "2024-05-01",
                "ownerEmails", "nobody@ange.example"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Skriv en rubrik.").contains("Slutdatumet kan inte ligga före startdatumet.")
                .contains("href=\"#a-title\"").contains("id=\"a-end-error\"");
        HttpResponse<String> unknown = sara.post("/plan/2024/ny", Map.of("ref", "KS2024-300", "title", "Ny", "goal", "3.1.1",
                "source", "KS", "department", "Staben", "start", "2024-05-01", "end", "2024-06-30",
                "ownerEmails", "nobody@ange.example"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("nobody@ange.example").contains("href=\"#a-owners\"");
        HttpResponse<String> taken = sara.post("/plan/2024/ny", Map.of("ref", "KS2024-002", "title", "Ny", "goal", "3.1.1",
                "source", "KS", "department", "Staben", "start", "2024-05-01", "end", "2024-06-30", "ownerEmails", EMMA));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("href=\"#a-ref\"");
        assertThat(stab.get("/api/activities/KS2024-300").code()).isEqualTo(404);
    }

    @Test
    void stab_ends_an_activity_and_it_is_reported_completed() {
        Session sara = session(SARA);
        HttpResponse<String> confirm = sara.get("/plan/2024/aktivitet/KS2024-002/avsluta");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Avsluta KS2024-002").contains("2024-T1");
        HttpResponse<String> noComment = sara.post("/plan/2024/aktivitet/KS2024-002/avsluta",
                Map.of("status", "AVSLUTAD_MED_AVVIKELSE", "comment", ""));
        assertThat(noComment.statusCode()).isEqualTo(422);
        HttpResponse<String> ended = sara.post("/plan/2024/aktivitet/KS2024-002/avsluta",
                Map.of("status", "AVSLUTAD_ENLIGT_PLAN", "comment", "Båda föreläsningarna hölls i mars."));
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(activity("KS2024-002")).containsEntry("status", "AVSLUTAD_ENLIGT_PLAN");
        assertThat(sara.get("/plan/2024?sparad=avslutad&ref=KS2024-002").body()).contains("KS2024-002 är avslutad.");
    }

    @Test
    void the_import_preview_stores_nothing_and_the_import_stores_it_all() {
        Session sara = session(SARA);
        sara.get("/plan/2024/import");
        String csv = Fixtures.plan2024().strip() + "\n"
                + "KS2024-080,3.1,KF,3.1.1,KS,Vuxna,Ny aktivitet,,2024-05-01,2024-04-01,Staben,,emma.berglund@ange.example\n";
        HttpResponse<String> refused = sara.upload("/plan/2024/import/granska", "plan", "plan.csv", csv);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Filen kan inte importeras").contains(">81<").contains("end_date")
                .contains("Inget är sparat än.");
        String fixed = csv.replace("2024-05-01,2024-04-01", "2024-05-01,2024-09-30")
                .replace("3.1,KF,3.1.1,KS,", "3.1,\"Ånge kommun ska arbeta aktivt för att vara en attraktiv och jämställd arbetsgivare, samt skapa hälsofrämjande arbetsplatser.\",3.1.1,Ånge kommun ska stimulera till utveckling av hälsofrämjande arbetsplatser.,");
        HttpResponse<String> preview = sara.upload("/plan/2024/import/granska", "plan", "plan.csv", fixed);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("1 aktivitet skapas, ingen ändras och 79 är oförändrade.")
                .contains("KS2024-080").contains("Importera 80 aktiviteter");
        assertThat(stab.get("/api/activities/KS2024-080").code()).isEqualTo(404);
        Matcher data = Pattern.compile("name=\"csv\" value=\"([^\"]+)\"").matcher(preview.body());
        assertThat(data.find()).isTrue();
        HttpResponse<String> imported = sara.post("/plan/2024/import", Map.of("kind", "plan", "csv", data.group(1)));
        assertThat(imported.statusCode()).isEqualTo(303);
        assertThat(imported.headers().firstValue("Location")).hasValue("/plan/2024?sparad=import&skapade=1&andrade=0&oforandrade=79");
        assertThat(activity("KS2024-080")).containsEntry("title", "Ny aktivitet");
    }

    @Test
    void a_manager_imports_own_activities_for_the_department_only() {
        Session johan = session(JOHAN);
        assertThat(johan.get("/plan/2024/import").body()).doesNotContain("import-kind-plan")
                .contains("Filen innehåller avdelningens egna aktiviteter.");
        String csv = PlanCsv.HEADER + PlanCsv.row("ST2024-120", "Friskvårdstimme", "2024-03-01", "2024-06-30", "Staben", "")
                + PlanCsv.row("ST2024-121", "Inte vår", "2024-03-01", "2024-06-30", "Socialavdelningen", "");
        HttpResponse<String> refused = johan.upload("/plan/2024/import/granska", "plan", "egna.csv", csv);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Avdelningarnas egna aktiviteter").contains("din egen avdelning")
                .contains(">3<");
        HttpResponse<String> preview = johan.upload("/plan/2024/import/granska", "plan", "egna.csv",
                PlanCsv.HEADER + PlanCsv.row("ST2024-120", "Friskvårdstimme", "2024-03-01", "2024-06-30", "Staben", ""));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("1 aktivitet skapas").contains("Importera 1 aktivitet<");
        Matcher data = Pattern.compile("name=\"csv\" value=\"([^\"]+)\"").matcher(preview.body());
        assertThat(data.find()).isTrue();
        assertThat(johan.post("/plan/2024/import", Map.of("kind", "plan", "csv", data.group(1))).statusCode()).isEqualTo(303);
        assertThat(activity("ST2024-120")).containsEntry("source", "UNIT").containsEntry("department", "Staben");
    }

    @Test
    void the_new_year_copy_is_previewed_then_done() {
        Session sara = session(SARA);
        HttpResponse<String> preview = sara.get("/plan/2024/kopiera");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Kopiera planen 2024 till 2025").contains("KS2025-001")
                .contains("Inget är sparat än.");
        assertThat(sara.get("/plan/2025").body()).contains("Det finns ingen plan för 2025");
        assertThat(session(JOHAN).get("/plan/2024/kopiera").statusCode()).isEqualTo(403);
        HttpResponse<String> copied = sara.post("/plan/2024/kopiera", Map.of());
        assertThat(copied.statusCode()).isEqualTo(303);
        assertThat(copied.headers().firstValue("Location")).hasValue("/plan/2025?sparad=kopierad");
        assertThat(sara.get("/plan/2025?sparad=kopierad").body()).contains("Planen för 2024 är kopierad till 2025.")
                .contains("KS2025-001");
    }

    @Test
    void every_plan_page_speaks_english_to_an_english_reader() {
        var sara = people.findByEmail(SARA).orElseThrow();
        people.update(sara.withPreferences(sara.reminderChannel(), se.ange.tertial.followup.Language.EN));
        Session english = session(SARA);
        assertThat(english.get("/plan/2024").body()).contains("Add an activity").contains("Activities toward 3.1.1")
                .contains("Copy the plan to 2025");
        assertThat(english.get("/plan/2024/ny").body()).contains("New activity in the 2024 plan");
        assertThat(english.get("/plan/2024/aktivitet/KS2024-002").body()).contains("Save KS2024-002")
                .contains("The owners’ deputies");
        assertThat(english.get("/plan/2024/aktivitet/KS2024-002/avsluta").body()).contains("How did the activity end?");
        assertThat(english.get("/plan/2024/import").body()).contains("Show what would be imported");
        assertThat(english.get("/plan/2024/kopiera").body()).contains("activities are copied");
        assertThat(english.get("/plan/2030").body()).contains("There is no plan for 2030 yet.");
    }

    private String title(String ref) {
        return (String) activity(ref).get("title");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> activity(String ref) {
        return (Map<String, Object>) Api.body(stab.get("/api/activities/" + ref)).get("activity");
    }

    private Session session(String email) {
        return new Session(sessions.startFor(people.findByEmail(email).orElseThrow(), "test").cookie().getValue());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A signed-in browser without JavaScript: the session cookie, the last page's form token. */
    private final class Session {
        private final String cookie;
        private String csrf = "";

        Session(String cookie) {
            this.cookie = cookie;
        }

        HttpResponse<String> get(String path) {
            HttpResponse<String> page = send(request(path).GET());
            Matcher token = CSRF.matcher(page.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return page;
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            return postRaw(path, fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&")) + "&_csrf=" + enc(csrf));
        }

        HttpResponse<String> postRaw(String path, String form) {
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> upload(String path, String kind, String fileName, String content) {
            String boundary = "----tertial" + System.nanoTime();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
            return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", "text/html")
                    .header("Accept-Language", "sv-SE").header("Origin", server.getURL().toString())
                    .header("Cookie", WebSessions.COOKIE + "=" + cookie);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
