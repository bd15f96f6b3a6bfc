package se.ange.tertial.web.reporting;

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
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.report.DepartmentReadiness.State;
import se.ange.tertial.report.Readiness;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.web.WebClient;
import se.ange.tertial.web.signin.WebSessions;

/**
 * The report workspace over plain HTTP, for what needs no browser: who may see it, who may change a
 * department's readiness, the form token, bad addresses (a page, never a 500) and the downloads' headers.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-05-10T08:00:00Z")
class ReportWorkspaceHttpTest {

    private static final String SARA = "sara.lindqvist@ange.example";
    private static final String JOHAN = "johan.nordin@ange.example";
    private static final String EMMA = "emma.berglund@ange.example";
    private static final Tertial T1 = new Tertial(2024, 1);

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    WebSessions sessions;

    @Inject
    PersonRepository people;

    @Inject
    Readiness readiness;

    Api admin;

    @BeforeEach
    void plan() {
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    private WebClient as(String email) {
        WebClient web = new WebClient(server.getURL().toString());
        web.setCookie(WebSessions.COOKIE, sessions.startFor(people.findByEmail(email).orElseThrow(), "test")
                .cookie().getValue());
        return web;
    }

    private long department(String name) {
        return readiness.of(T1).stream().filter(d -> d.department().name().equals(name)).findFirst().orElseThrow()
                .department().id();
    }

    private State state(String name) {
        return readiness.of(T1).stream().filter(d -> d.department().name().equals(name)).findFirst().orElseThrow()
                .state();
    }

    @Test
    void the_workspace_opens_on_the_tertial_being_followed_up() {
        HttpResponse<String> now = as(SARA).get("/rapport");
        assertThat(now.statusCode()).isEqualTo(303);
        assertThat(now.headers().firstValue("Location")).hasValue("/rapport/2024-T1");
        HttpResponse<String> page = as(SARA).get("/rapport/2024-T1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Rapport – tertial 1 2024").contains("Klart per avdelning")
                .contains("5 avdelningar är inte klara").contains("Socialavdelningen – Maria Sjöberg")
                .contains("/rapport/2024-T1/mal/2024/").contains("Måluppföljning till kommunstyrelsen");
    }

    @Test
    void an_owner_is_told_the_workspace_is_not_theirs() {
        HttpResponse<String> page = as(EMMA).get("/rapport/2024-T1");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(as(EMMA).get("/rapport/2024-T1/dokument?kind=uppsikt&department=Staben&format=docx")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void bad_addresses_answer_a_page_never_a_500() {
        WebClient sara = as(SARA);
        for (String path : List.of("/rapport/2024-T9", "/rapport/nonsense/stang", "/rapport/2024-T9/dokument",
                "/rapport/2024-T1/dokument?kind=x&format=docx", "/rapport/2024-T1/dokument?kind=memo&format=pdf",
                "/rapport/2024-T1/dokument?kind=uppsikt&department=Ingen&format=docx",
                "/rapport/2024-T1/dokument?kind=uppsikt&format=docx")) {
            HttpResponse<String> page = sara.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).startsWith("<!DOCTYPE html>");
        }
        sara.get("/rapport/2024-T1");
        assertThat(sara.post("/rapport/2024-T1/beredskap", Map.of("department", "x", "action", "REVIEW"))
                .statusCode()).isEqualTo(404);
        assertThat(sara.post("/rapport/2024-T1/beredskap", Map.of("department", String.valueOf(department("Staben")),
                "action", "EXPLODE")).statusCode()).isEqualTo(404);
    }

    @Test
    void a_manager_marks_their_own_department_only() {
        WebClient johan = as(JOHAN);
        HttpResponse<String> page = johan.get("/rapport/2024-T1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Markera Staben som klar").doesNotContain("Socialavdelningen")
                .doesNotContain("Stänga tertialet");
        HttpResponse<String> other = johan.post("/rapport/2024-T1/beredskap",
                Map.of("department", String.valueOf(department("Socialavdelningen")), "action", "MARK_READY"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(state("Socialavdelningen")).isEqualTo(State.NOT_READY);
        HttpResponse<String> own = johan.post("/rapport/2024-T1/beredskap",
                Map.of("department", String.valueOf(department("Staben")), "action", "MARK_READY"));
        assertThat(own.statusCode()).isEqualTo(303);
        assertThat(own.headers().firstValue("Location")).hasValue("/rapport/2024-T1?sparad=klar#beredskap");
        assertThat(state("Staben")).isEqualTo(State.READY);
        // nor may a manager review their own part
        assertThat(johan.post("/rapport/2024-T1/beredskap", Map.of("department", String.valueOf(department("Staben")),
                "action", "REVIEW")).statusCode()).isEqualTo(403);
        assertThat(state("Staben")).isEqualTo(State.READY);
        List<Map<String, Object>> audit = admin.retrieve("/api/audit", Argument.listOf(Argument.mapOf(String.class,
                Object.class)));
        assertThat(audit).anySatisfy(row -> assertThat(row).containsEntry("action", "readiness.mark-ready")
                .containsEntry("subject", "readiness:2024-T1:Staben").containsEntry("actor", JOHAN)
                .containsEntry("channel", "WEB"));
    }

    @Test
    void a_change_needs_the_form_token() {
        WebClient johan = as(JOHAN);
        johan.get("/rapport/2024-T1");
        HttpResponse<String> forged = johan.postRaw("/rapport/2024-T1/beredskap",
                Map.of("department", String.valueOf(department("Staben")), "action", "MARK_READY"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(state("Staben")).isEqualTo(State.NOT_READY);
        WebClient sara = as(SARA);
        sara.get("/rapport/2024-T1/stang");
        assertThat(sara.postRaw("/rapport/2024-T1/stang", Map.of()).statusCode()).isEqualTo(403);
        assertThat(sara.get("/rapport/2024-T1").body()).contains("Tertialet är öppet");
    }

    @Test
    void the_close_confirmation_warns_while_the_boards_analysis_is_still_the_writing_prompt() {
        WebClient sara = as(SARA);
        String before = sara.get("/rapport/2024-T1/stang").body();
        assertThat(before).contains("id=\"unwritten\"")
                .contains("Analysen i måluppföljningen är inte skriven än")
                .contains("href=\"/rapport/2024-T1/texter?kind=maluppfoljning\"");

        Api stab = admin.withNewToken("stab-analysis", "STAB", SARA);
        assertThat(stab.exchange(io.micronaut.http.HttpRequest.PUT("/api/reports/2024-T1/texts",
                Map.of("analysis", "Arbetet går i stort enligt plan; sjukfrånvaron är den största avvikelsen."))).code())
                .isEqualTo(200);
        String after = sara.get("/rapport/2024-T1/stang").body();
        assertThat(after).doesNotContain("id=\"unwritten\"").contains("Stäng tertial 1 2024");
    }

    @Test
    void sending_back_needs_a_note_and_a_manager_may_not_close() {
        WebClient johan = as(JOHAN);
        johan.get("/rapport/2024-T1");
        johan.post("/rapport/2024-T1/beredskap", Map.of("department", String.valueOf(department("Staben")),
                "action", "MARK_READY"));
        WebClient sara = as(SARA);
        sara.get("/rapport/2024-T1");
        HttpResponse<String> refused = sara.post("/rapport/2024-T1/beredskap",
                Map.of("department", String.valueOf(department("Staben")), "action", "SEND_BACK", "note", " "));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Skriv vad som behöver kompletteras.").contains("aria-invalid=\"true\"");
        assertThat(state("Staben")).isEqualTo(State.READY);
        assertThat(johan.get("/rapport/2024-T1/stang").statusCode()).isEqualTo(403);
        assertThat(johan.post("/rapport/2024-T1/stang", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void downloads_carry_the_type_and_a_swedish_file_name_and_the_apis_permission() {
        WebClient johan = as(JOHAN);
        HttpResponse<String> docx = johan.get("/rapport/2024-T1/dokument?kind=uppsikt&department=Staben&format=docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment; filename=\"Uppsiktsrapport T1 2024 Staben.docx\"")
                .contains("filename*=UTF-8''Uppsiktsrapport%20T1%202024%20Staben.docx"));
        assertThat(johan.get("/rapport/2024-T1/dokument?kind=uppsikt&department=Socialavdelningen&format=pdf")
                .statusCode()).isEqualTo(403);
        assertThat(johan.get("/rapport/2024-T1/dokument?kind=maluppfoljning&format=pdf").statusCode()).isEqualTo(403);
        assertThat(johan.get("/rapport/2024-T1/dokument?kind=memo&format=docx").statusCode()).isEqualTo(403);

        WebClient sara = as(SARA);
        HttpResponse<String> pdf = sara.get("/rapport/2024-T1/dokument?kind=maluppfoljning&format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("filename*=UTF-8''M%C3%A5luppf%C3%B6ljning%20T1%202024.pdf"));
        assertThat(pdf.body()).startsWith("%PDF");
        HttpResponse<String> html = sara.get("/rapport/2024-T1/dokument?kind=uppsikt&department=Socialavdelningen&format=html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(html.body()).contains("Socialavdelningen");
        HttpResponse<String> memo = sara.get("/rapport/2024-T1/dokument?kind=memo&format=docx");
        assertThat(memo.statusCode()).isEqualTo(200);
        assertThat(memo.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("Tj%C3%A4nsteskrivelse%20m%C3%A5luppf%C3%B6ljning%20T1%202024.docx"));
    }

    @Test
    void the_api_changes_readiness_by_the_same_rule() {
        Api johan = admin.withNewToken("johan", "MANAGER", JOHAN);
        Api sara = admin.withNewToken("sara", "STAB", SARA);
        assertThat(johan.postJson("/api/tertials/2024-T1/readiness/Socialavdelningen", Map.of("action", "ready"))
                .code()).isEqualTo(403);
        var ready = johan.postJson("/api/tertials/2024-T1/readiness/Staben", Map.of("action", "ready"));
        assertThat(ready.code()).isEqualTo(200);
        assertThat(Api.body(ready)).containsEntry("state", "READY").containsEntry("readyBy", "Johan Nordin");
        assertThat(johan.postJson("/api/tertials/2024-T1/readiness/Staben", Map.of("action", "ready")).code())
                .isEqualTo(409);
        assertThat(sara.postJson("/api/tertials/2024-T1/readiness/Staben", Map.of("action", "send-back")).code())
                .isEqualTo(422);
        assertThat(sara.postJson("/api/tertials/2024-T1/readiness/Staben", Map.of("action", "dance")).code())
                .isEqualTo(422);
        assertThat(Api.body(sara.postJson("/api/tertials/2024-T1/readiness/Staben", Map.of("action", "review"))))
                .containsEntry("state", "REVIEWED").containsEntry("reviewedBy", "Sara Lindqvist");
        List<Map<String, Object>> mine = johan.retrieve("/api/tertials/2024-T1/readiness",
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(mine).singleElement().satisfies(row -> assertThat(row).containsEntry("department", "Staben")
                .containsEntry("state", "REVIEWED"));
        List<Map<String, Object>> all = sara.retrieve("/api/tertials/2024-T1/readiness",
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(all).hasSize(5);
        assertThat(sara.postJson("/api/tertials/2024-T1/readiness/Ingen", Map.of("action", "review")).code())
                .isEqualTo(404);
    }

    @Test
    void a_manager_who_reads_english_gets_the_workspace_in_english() {
        WebClient johan = as(JOHAN);
        johan.get("/installningar");
        assertThat(johan.post("/installningar/paminnelser", Map.of("channel", "EMAIL", "language", "EN")).statusCode())
                .isEqualTo(303);
        HttpResponse<String> page = johan.get("/rapport/2024-T1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\"").contains("Report – tertial 1 2024")
                .contains("Not ready").contains("Mark Staben ready")
                .contains("Uppsiktsrapport Staben");
    }

    @Test
    void a_part_sent_back_shows_the_note_and_a_closed_tertial_is_read_only() {
        String staben = String.valueOf(department("Staben"));
        WebClient johan = as(JOHAN);
        johan.get("/rapport/2024-T1");
        johan.post("/rapport/2024-T1/beredskap", Map.of("department", staben, "action", "MARK_READY"));
        assertThat(johan.post("/rapport/2024-T1/beredskap", Map.of("department", staben, "action", "TAKE_BACK"))
                .headers().firstValue("Location")).hasValue("/rapport/2024-T1?sparad=aterkallad#beredskap");
        assertThat(state("Staben")).isEqualTo(State.NOT_READY);
        johan.post("/rapport/2024-T1/beredskap", Map.of("department", staben, "action", "MARK_READY"));

        WebClient sara = as(SARA);
        sara.get("/rapport/2024-T1");
        assertThat(sara.post("/rapport/2024-T1/beredskap", Map.of("department", staben, "action", "SEND_BACK",
                "note", "Komplettera kommentarerna om sjukfrånvaron.")).statusCode()).isEqualTo(303);
        assertThat(state("Staben")).isEqualTo(State.NOT_READY);
        HttpResponse<String> back = johan.get("/rapport/2024-T1");
        assertThat(back.body()).contains("Tillbakaskickad av Sara Lindqvist")
                .contains("Komplettera kommentarerna om sjukfrånvaron.").contains("Markera Staben som klar");
        // a second click on a stale page: told the state has changed, not a 500
        HttpResponse<String> stale = sara.post("/rapport/2024-T1/beredskap", Map.of("department", staben,
                "action", "REVIEW"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("avdelningens läge har redan ändrats");

        sara.get("/rapport/2024-T1/stang");
        assertThat(sara.post("/rapport/2024-T1/stang", Map.of()).statusCode()).isEqualTo(303);
        HttpResponse<String> closed = johan.post("/rapport/2024-T1/beredskap", Map.of("department", staben,
                "action", "MARK_READY"));
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(closed.body()).contains("Tertialet är stängt; avdelningarnas klarmarkering kan inte längre ändras.")
                .doesNotContain("value=\"MARK_READY\"");
        assertThat(state("Staben")).isEqualTo(State.NOT_READY);
        HttpResponse<String> again = sara.post("/rapport/2024-T1/stang", Map.of());
        assertThat(again.statusCode()).isEqualTo(303); // closing again keeps the first record
        assertThat(sara.get("/rapport/2024-T1/stang").body()).contains("Tertialet stängdes 10 maj 2024");
    }
}
