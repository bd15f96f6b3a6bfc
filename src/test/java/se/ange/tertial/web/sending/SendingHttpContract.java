package se.ange.tertial.web.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.ange.tertial.mail.InboundMail;
import se.ange.tertial.mail.InboundMailRepository;
import se.ange.tertial.mail.InboundOutcome;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.OutboxState;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.web.WebClient;
import se.ange.tertial.web.signin.WebSessions;

/**
 * /utskick over HTTP: only stab and the admin see it, every form needs its token, a message that is not DEAD is
 * not sent again (and says why), and no filter, page number or id makes a 500.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class SendingHttpContract {

    static final String CLOCK_START = "2024-04-10T08:00:00Z";

    private static final String SARA = "sara.lindqvist@ange.example";
    private static final String JOHAN = "johan.nordin@ange.example";
    private static final String EMMA = "emma.berglund@ange.example";
    private static final List<String> PAGES = List.of("/utskick", "/utskick/kalender", "/utskick/utkorg",
            "/utskick/inkommande", "/utskick/logg");

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
    OutboxRepository outbox;

    @Inject
    InboundMailRepository inbound;

    @Inject
    ReminderItemRepository items;

    Api admin;

    @BeforeEach
    void plan() {
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @ParameterizedTest
    @ValueSource(strings = {JOHAN, EMMA})
    void a_manager_or_owner_is_told_the_pages_are_not_theirs(String email) {
        WebClient web = signedIn(email);
        for (String path : PAGES) {
            HttpResponse<String> page = web.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).contains("<!DOCTYPE html>");
        }
        long id = dead(EMMA).id();
        web.get("/mina");
        assertThat(web.post("/utskick/utkorg/" + id + "/forsok-igen", Map.of()).statusCode()).isEqualTo(403);
        assertThat(outbox.findById(id).orElseThrow().state()).isEqualTo(OutboxState.DEAD);
    }

    @Test
    void a_waiting_reminder_says_how_many_activities_it_holds_each_its_own() {
        OutboxMessage two = reminderAbout(EMMA, "KS2024-001", "KS2024-001", "KS2024-002");
        OutboxMessage one = reminderAbout(SARA, "KS2024-003");

        String page = signedIn(SARA).get("/utskick/utkorg").body();

        assertThat(page).contains("Påminnelse om 2 aktiviteter (skrivs när den skickas)")
                .contains("Påminnelse om 1 aktivitet (skrivs när den skickas)");
        assertThat(page.indexOf("/utskick/utkorg/" + two.id() + "/avbryt")).isPositive();
        assertThat(page.indexOf("/utskick/utkorg/" + one.id() + "/avbryt")).isPositive();
    }

    /** A waiting reminder with an item per ref given (a ref twice: two reasons for one activity). */
    private OutboxMessage reminderAbout(String email, String... refs) {
        long person = people.findByEmail(email).orElseThrow().id();
        OutboxMessage message = outbox.save(OutboxMessage.reminder(person, ReminderChannel.EMAIL,
                LocalDate.parse("2024-04-10"), Instant.parse("2024-04-10T06:00:00Z")));
        for (int i = 0; i < refs.length; i++) {
            items.save(new ReminderItemRow(null, message.id(), person, "TERTIAL_REPORT/2024-T1/" + refs[i] + "/" + i,
                    "TERTIAL_REPORT", "FIRST", "2024-T1", refs[i], null));
        }
        return message;
    }

    @Test
    void stab_and_the_admin_see_every_page() {
        WebClient stab = signedIn(SARA);
        WebClient key = admin();
        for (String path : PAGES) {
            assertThat(stab.get(path).statusCode()).as(path).isEqualTo(200);
            assertThat(key.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(stab.get("/utskick").body()).contains("Påminnelser de kommande 30 dagarna")
                .contains("aria-current=\"page\"");
    }

    @Test
    void the_pages_speak_english_to_someone_who_chose_it() {
        OutboxMessage message = dead(EMMA);
        WebClient stab = signedIn(SARA);
        stab.get("/installningar");
        assertThat(stab.post("/installningar/paminnelser", Map.of("channel", "EMAIL", "language", "EN")).statusCode())
                .isEqualTo(303);
        assertThat(stab.get("/utskick").body()).contains("Reminders in the next 30 days").contains("Tuesday 30 April")
                .contains("Last reminder to report for T1 2024");
        assertThat(stab.get("/utskick/utkorg").body()).contains("Outbox").contains("Dead").contains("Try again");
        assertThat(stab.post("/utskick/utkorg/" + message.id() + "/forsok-igen", Map.of()).statusCode()).isEqualTo(303);
        assertThat(stab.get("/utskick/utkorg/" + message.id() + "/avbryt").body())
                .contains("Cancel the message to Emma Berglund?");
        assertThat(stab.get("/utskick/inkommande").body()).contains("Inbound mail");
        assertThat(stab.get("/utskick/logg").body()).contains("Audit log").contains("Show changes");
    }

    @Test
    void retrying_needs_the_form_token() {
        long id = dead(EMMA).id();
        WebClient stab = signedIn(SARA);
        stab.get("/utskick/utkorg");
        HttpResponse<String> refused = stab.postRaw("/utskick/utkorg/" + id + "/forsok-igen", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        refused = stab.postRaw("/utskick/utkorg/" + id + "/forsok-igen", Map.of("_csrf", "not-the-token"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(outbox.findById(id).orElseThrow().state()).isEqualTo(OutboxState.DEAD);
    }

    @Test
    void a_dead_message_goes_back_to_waiting_and_the_change_is_audited() {
        OutboxMessage message = dead(EMMA);
        WebClient stab = signedIn(SARA);
        HttpResponse<String> list = stab.get("/utskick/utkorg?state=DEAD");
        assertThat(list.body()).contains("Emma Berglund").contains("Misslyckades").contains("Connection refused")
                .contains("Försök igen");
        HttpResponse<String> retried = stab.post("/utskick/utkorg/" + message.id() + "/forsok-igen",
                Map.of("state", "DEAD"));
        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(retried.headers().firstValue("Location")).hasValue("/utskick/utkorg?state=DEAD&sparad=igen&meddelande="
                + message.id());
        OutboxMessage now = outbox.findById(message.id()).orElseThrow();
        assertThat(now.state()).isEqualTo(OutboxState.PENDING);
        assertThat(now.attempts()).isZero();
        assertThat(stab.get(retried.headers().firstValue("Location").orElseThrow()).body())
                .contains("Meddelandet till Emma Berglund väntar igen");
        List<Map> audit = admin.retrieve("/api/audit", Argument.listOf(Map.class));
        assertThat(audit).anySatisfy(row -> assertThat(row).containsEntry("action", "outbox.retry")
                .containsEntry("subject", "outbox:" + message.id()).containsEntry("actor", SARA)
                .containsEntry("channel", "WEB"));
    }

    @Test
    void a_message_that_is_not_dead_is_not_sent_again_and_the_page_says_why() {
        OutboxMessage waiting = outbox.save(OutboxMessage.prepared(person(EMMA), MessageKind.NOTICE, "notice-1",
                "Ett meddelande", "text", null, LocalDate.of(2024, 4, 10), Instant.parse("2024-04-10T07:00:00Z")));
        WebClient stab = signedIn(SARA);
        stab.get("/utskick/utkorg");
        HttpResponse<String> refused = stab.post("/utskick/utkorg/" + waiting.id() + "/forsok-igen", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Meddelandet till Emma Berglund är väntande, inte dött")
                .contains("Bara meddelanden som har gett upp kan skickas igen");
        assertThat(outbox.findById(waiting.id()).orElseThrow().attempts()).isZero();
        assertThat(stab.post("/utskick/utkorg/999999/forsok-igen", Map.of()).statusCode()).isEqualTo(404);
        assertThat(stab.post("/utskick/utkorg/abc/forsok-igen", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void a_dead_sign_in_link_is_not_sent_again_and_its_link_is_never_shown() {
        Instant now = Instant.parse("2024-04-10T07:00:00Z");
        OutboxMessage link = outbox.save(new OutboxMessage(null, person(EMMA), ReminderChannel.EMAIL, MessageKind.SIGN_IN,
                LocalDate.of(2024, 4, 10), OutboxState.DEAD, 10, now, "Connection refused", now, null, "SIGN_IN/x",
                "Din inloggningslänk", "http://localhost/login/tert_secretsecret", null, "<a>tert_secretsecret</a>"));
        WebClient stab = signedIn(SARA);
        HttpResponse<String> list = stab.get("/utskick/utkorg");
        assertThat(list.body()).contains("Inloggningslänk").doesNotContain("tert_secretsecret")
                .doesNotContain("/utskick/utkorg/" + link.id() + "/forsok-igen");
        HttpResponse<String> refused = stab.post("/utskick/utkorg/" + link.id() + "/forsok-igen", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("En inloggningslänk skickas inte igen");
        assertThat(outbox.findById(link.id()).orElseThrow().state()).isEqualTo(OutboxState.DEAD);
    }

    @Test
    void a_waiting_message_is_cancelled_after_a_confirmation() {
        OutboxMessage waiting = outbox.save(OutboxMessage.prepared(person(EMMA), MessageKind.NOTICE, "notice-2",
                "Ett meddelande", "text", null, LocalDate.of(2024, 4, 10), Instant.parse("2024-04-10T07:00:00Z")));
        WebClient stab = signedIn(SARA);
        HttpResponse<String> confirm = stab.get("/utskick/utkorg/" + waiting.id() + "/avbryt");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Avbryta meddelandet till Emma Berglund?")
                .contains("Avbryt meddelandet till Emma Berglund");
        assertThat(outbox.findById(waiting.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
        HttpResponse<String> cancelled = stab.post("/utskick/utkorg/" + waiting.id() + "/avbryt", Map.of());
        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(outbox.findById(waiting.id()).orElseThrow().state()).isEqualTo(OutboxState.CANCELLED);
        assertThat(stab.post("/utskick/utkorg/" + waiting.id() + "/avbryt", Map.of()).statusCode()).isEqualTo(409);
        assertThat(stab.get("/utskick/utkorg/" + waiting.id() + "/avbryt").statusCode()).isEqualTo(409);
        List<Map> audit = admin.retrieve("/api/audit", Argument.listOf(Map.class));
        assertThat(audit).anySatisfy(row -> assertThat(row).containsEntry("action", "outbox.cancel")
                .containsEntry("actor", SARA));
    }

    @Test
    void the_api_retries_a_dead_message_and_refuses_a_sent_one() {
        Api stab = admin.withNewToken("stab2", "STAB", SARA);
        long id = dead(EMMA).id();
        var retried = stab.exchange(HttpRequest.POST("/api/outbox/" + id + "/retry", ""));
        assertThat(retried.code()).isEqualTo(200);
        assertThat(Api.body(retried)).containsEntry("state", "PENDING").containsEntry("attempts", 0);
        assertThat(stab.exchange(HttpRequest.POST("/api/outbox/" + id + "/retry", "")).code()).isEqualTo(409);
        assertThat(stab.exchange(HttpRequest.POST("/api/outbox/" + id + "/cancel", "")).code()).isEqualTo(200);
        Api owner = admin.withNewToken("emma", "OWNER", EMMA);
        assertThat(owner.exchange(HttpRequest.POST("/api/outbox/" + id + "/retry", "")).code()).isEqualTo(403);
    }

    @Test
    void bad_filters_page_numbers_and_ids_are_answered_without_an_error() {
        WebClient stab = signedIn(SARA);
        HttpResponse<String> outboxPage = stab.get("/utskick/utkorg?state=NOPE&channel=%3Cscript%3E&page=x");
        assertThat(outboxPage.statusCode()).isEqualTo(400);
        assertThat(outboxPage.body()).contains("Välj ett läge i listan.").contains("Välj en kanal i listan.")
                .doesNotContain("<script>");
        HttpResponse<String> far = stab.get("/utskick/utkorg?page=999999999999");
        assertThat(far.statusCode()).isEqualTo(200);
        assertThat(far.body()).contains("Sidan finns inte");
        HttpResponse<String> log = stab.get("/utskick/logg?from=igår&to=2024-13-01&person=nobody@x&activity="
                + "A".repeat(300) + "&page=-3");
        assertThat(log.statusCode()).isEqualTo(400);
        assertThat(log.body()).contains("Välj en person i listan.").contains("Skriv datumet som åååå-mm-dd")
                .contains("Referensen är för lång");
        assertThat(stab.get("/utskick/logg?from=2024-05-01&to=2024-04-01").body())
                .contains("Slutdatumet ligger före startdatumet.");
        assertThat(stab.get("/utskick/logg?from=9999-01-01").statusCode()).isEqualTo(400);
        assertThat(stab.get("/utskick/logg?page=abc").statusCode()).isEqualTo(200);
        assertThat(stab.get("/utskick/inkommande?page=%00").statusCode()).isEqualTo(200);
        assertThat(stab.get("/utskick/inkommande/abc").statusCode()).isEqualTo(404);
        assertThat(stab.get("/utskick/inkommande/99999999999999999999").statusCode()).isEqualTo(404);
        assertThat(stab.get("/utskick/inkommande/12/meddelande.eml").statusCode()).isEqualTo(404);
        assertThat(stab.get("/utskick/utkorg/-1/avbryt").statusCode()).isEqualTo(404);
    }

    @Test
    void the_audit_log_finds_changes_by_activity_and_by_person() {
        Api emma = admin.withNewToken("emma", "OWNER", EMMA);
        String ref = "KS2024-001";
        Map activity = Api.body(admin.get("/api/activities/" + ref));
        assertThat(activity).isNotNull();
        WebClient stab = signedIn(SARA);
        HttpResponse<String> byActivity = stab.get("/utskick/logg?activity=" + ref.toLowerCase());
        assertThat(byActivity.statusCode()).isEqualTo(200);
        assertThat(byActivity.body()).contains("activity:" + ref).doesNotContain("activity:KS2024-002");
        HttpResponse<String> byPerson = stab.get("/utskick/logg?person=" + JOHAN);
        assertThat(byPerson.body()).contains("person:" + JOHAN).doesNotContain("person:" + EMMA);
        assertThat(emma).isNotNull();
    }

    @Test
    void an_inbound_message_is_shown_as_text_and_downloaded_as_it_arrived() {
        byte[] raw = ("From: Emma Berglund <" + EMMA + ">\r\nSubject: Sv: =?UTF-8?Q?P=C3=A5minnelse?=\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>KS2024-001 klar</p><script>alert(1)</script>\r\n")
                .getBytes(StandardCharsets.UTF_8);
        InboundMail mail = inbound.save(new InboundMail(null, "<m1@ange.example>", Instant.parse("2024-04-09T12:00:00Z"),
                EMMA, "Sv: Påminnelse", raw, InboundOutcome.NOT_UNDERSTOOD, "Ingen status hittades", person(EMMA),
                "IMAP", LocalDate.of(2026, 4, 9), 0, null));
        WebClient stab = signedIn(SARA);
        HttpResponse<String> list = stab.get("/utskick/inkommande");
        assertThat(list.body()).contains("Sv: Påminnelse").contains("Inte förstått").contains("Emma Berglund")
                .contains("9 april 2024 14:00");
        HttpResponse<String> shown = stab.get("/utskick/inkommande/" + mail.id());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        HttpResponse<byte[]> file = bytes(stab, "/utskick/inkommande/" + mail.id() + "/meddelande.eml");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("message/rfc822"));
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"inkommande-" + mail.id() + "-2024-04-09.eml\"");
        assertThat(file.body()).isEqualTo(raw);
    }

    private HttpResponse<byte[]> bytes(WebClient web, String path) {
        try {
            var http = java.net.http.HttpClient.newBuilder().build();
            String cookie = WebSessions.COOKIE + "=" + web.cookie(WebSessions.COOKIE).orElseThrow();
            return http.send(java.net.http.HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private OutboxMessage dead(String email) {
        Instant now = Instant.parse("2024-04-10T07:00:00Z");
        return outbox.save(new OutboxMessage(null, person(email), ReminderChannel.EMAIL, MessageKind.NOTICE,
                LocalDate.of(2024, 4, 10), OutboxState.DEAD, 10, now, "Connection refused: 127.0.0.1:25", now, null,
                "dead-" + email + "-" + System.nanoTime(), "Ett meddelande", "text", null, null));
    }

    private Long person(String email) {
        return people.findByEmail(email).orElseThrow().id();
    }

    private WebClient signedIn(String email) {
        WebClient web = new WebClient(server.getURL().toString());
        web.setCookie(WebSessions.COOKIE, sessions.startFor(people.findByEmail(email).orElseThrow(), "test")
                .cookie().getValue());
        return web;
    }

    private WebClient admin() {
        WebClient web = new WebClient(server.getURL().toString());
        web.get("/login");
        HttpResponse<String> signedIn = web.post("/login/nyckel", Map.of("key", Api.BOOTSTRAP_ADMIN));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        return web;
    }
}
