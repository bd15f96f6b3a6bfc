package se.ange.tertial.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.audit.AuditRepository;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.web.SignInSteps;
import se.ange.tertial.web.WebClient;

/**
 * Signing in without an identity provider: the e-mailed link (single use, 15 minutes, only to a known active
 * person, the same answer for any address), the session (idle timeout, logout), the first admin's key, and
 * what the session cookie does not open (the API).
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
class SignInFlowTest {

    private static final String EMMA = "emma.berglund@ange.example";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRepository outbox;

    @Inject
    PersonRepository people;

    @Inject
    AuditRepository audit;

    @Inject
    MutableClock clock;

    WebClient web;

    @BeforeEach
    void people() {
        clock.set(Instant.parse("2024-04-10T08:00:00Z"));
        TestDatabase.clear(dataSource);
        new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).postCsv("/api/import/people", Fixtures.people());
        web = new WebClient(server.getURL().toString());
    }

    @Test
    void a_known_and_an_unknown_address_get_the_same_answer_and_only_the_known_one_a_mail() {
        web.get("/login");
        HttpResponse<String> known = web.post("/login", Map.of("email", "Emma.Berglund@ange.example "));
        HttpResponse<String> unknown = web.post("/login", Map.of("email", "nobody@ange.example"));
        assertThat(known.statusCode()).isEqualTo(200).isEqualTo(unknown.statusCode());
        assertThat(known.body().replace("Emma.Berglund@ange.example", "X"))
                .isEqualTo(unknown.body().replace("nobody@ange.example", "X"));
        assertThat(known.body()).contains("Om Emma.Berglund@ange.example finns i Tertial har vi skickat en inloggningslänk dit");
        String link = SignInSteps.linkFor(outbox, people, EMMA);
        assertThat(link).startsWith("/login/tert_");
        assertThat(outbox.findAllOrderById()).filteredOn(m -> m.kind() == MessageKind.SIGN_IN).hasSize(1)
                .first().satisfies(mail -> assertThat(mail.subject()).isEqualTo("Din inloggningslänk till Tertial"));
        // stab reads the outbox: the link (a key to Emma's account for 15 minutes) is not in it
        String asStab = client.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/outbox")
                .bearerAuth(new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).withNewToken("stab", "STAB", null).token()));
        assertThat(asStab).contains("SIGN_IN").doesNotContain("/login/tert_").doesNotContain(link.substring(7));
    }

    @Test
    void at_most_five_links_an_hour_reach_one_person() {
        web.get("/login");
        for (int i = 0; i < 7; i++) {
            assertThat(web.post("/login", Map.of("email", EMMA)).statusCode()).isEqualTo(200);
            sleep(150); // each request is handled after its answer
        }
        sleep(500);
        assertThat(outbox.findAllOrderById()).filteredOn(m -> m.kind() == MessageKind.SIGN_IN).hasSize(5);
        clock.tick(Duration.ofMinutes(61));
        web.post("/login", Map.of("email", EMMA));
        sleep(500);
        assertThat(outbox.findAllOrderById()).filteredOn(m -> m.kind() == MessageKind.SIGN_IN).hasSize(6);
    }

    @Test
    void an_inactive_person_gets_no_link() {
        var emma = people.findByEmail(EMMA).orElseThrow();
        people.update(emma.withActive(false));
        web.get("/login");
        assertThat(web.post("/login", Map.of("email", EMMA)).statusCode()).isEqualTo(200);
        sleep(500);
        assertThat(outbox.findAllOrderById()).noneMatch(m -> m.kind() == MessageKind.SIGN_IN);
    }

    @Test
    void a_missing_or_malformed_address_is_told_next_to_the_field() {
        web.get("/login");
        HttpResponse<String> empty = web.post("/login", Map.of("email", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Skriv din e-postadress").contains("aria-invalid=\"true\"");
        HttpResponse<String> malformed = web.post("/login", Map.of("email", "emma"));
        assertThat(malformed.body()).contains("Skriv en e-postadress, till exempel namn@kommun.se");
    }

    @Test
    void the_link_signs_in_once_and_the_session_opens_the_pages() {
        String link = requestLink();
        HttpResponse<String> confirm = web.get(link);
        assertThat(confirm.body()).contains("Du loggar in som Emma Berglund.");
        HttpResponse<String> used = web.post(link, Map.of());
        assertThat(used.statusCode()).isEqualTo(303);
        assertThat(used.headers().firstValue("Location")).contains("/");
        assertThat(web.cookie("tertial_session")).isPresent();
        assertThat(used.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("tertial_session=").contains("HTTPOnly").contains("SameSite=Lax").doesNotContain("Secure"));
        assertThat(web.get("/mina").statusCode()).isEqualTo(200);
        assertThat(audit.findByOccurredAtGreaterThanEqualsOrderById(Instant.EPOCH)).anySatisfy(row -> assertThat(row.action()).isEqualTo("web.signed_in"));

        web.forgetCookies();
        web.get("/login");
        assertThat(web.post(link, Map.of()).statusCode()).as("a second use").isEqualTo(410);
        assertThat(web.get(link).body()).contains("Länken har redan använts eller har gått ut");
    }

    @Test
    void the_link_works_for_fifteen_minutes_only() {
        String link = requestLink();
        clock.tick(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(web.post(link, Map.of()).statusCode()).isEqualTo(410);
        assertThat(web.cookie("tertial_session")).isEmpty();
    }

    @Test
    void the_link_leads_back_to_the_page_that_was_asked_for() {
        HttpResponse<String> asked = web.get("/mina");
        assertThat(asked.statusCode()).isEqualTo(303);
        assertThat(asked.headers().firstValue("Location")).contains("/login?next=%2Fmina");
        web.get("/login?next=%2Fmina");
        web.post("/login", Map.of("email", EMMA, "next", "/mina"));
        String link = SignInSteps.linkFor(outbox, people, EMMA);
        web.get(link);
        assertThat(web.post(link, Map.of()).headers().firstValue("Location")).contains("/mina");
    }

    @Test
    void a_session_ends_after_an_idle_hour_and_at_logout() {
        signIn();
        clock.tick(Duration.ofMinutes(59));
        assertThat(web.get("/mina").statusCode()).isEqualTo(200);
        clock.tick(Duration.ofMinutes(59));
        assertThat(web.get("/mina").statusCode()).as("used within the hour: still open").isEqualTo(200);
        clock.tick(Duration.ofMinutes(61));
        assertThat(web.get("/mina").statusCode()).as("idle for over an hour").isEqualTo(303);

        signIn();
        String secret = web.cookie("tertial_session").orElseThrow();
        web.get("/mina");
        HttpResponse<String> out = web.post("/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains("/login?utloggad=1");
        WebClient stolen = new WebClient(server.getURL().toString());
        HttpResponse<String> after = sendWithCookie(stolen, secret);
        assertThat(after.statusCode()).as("the old cookie after logout").isEqualTo(303);
    }

    @Test
    void logging_out_after_the_session_has_ended_still_clears_the_cookie() {
        signIn();
        web.get("/mina"); // the form's token is this session's
        clock.tick(Duration.ofMinutes(61));
        HttpResponse<String> out = web.post("/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains("/login?utloggad=1");
        assertThat(web.cookie("tertial_session")).isEmpty();
    }

    @Test
    void a_new_sign_in_ends_the_session_the_browser_held() {
        signIn();
        String first = web.cookie("tertial_session").orElseThrow();
        outbox.deleteAll();
        WebClient elsewhere = new WebClient(server.getURL().toString()); // the link asked for on another device
        elsewhere.get("/login");
        elsewhere.post("/login", Map.of("email", EMMA));
        String link = SignInSteps.linkFor(outbox, people, EMMA);
        web.get(link);
        assertThat(web.post(link, Map.of()).statusCode()).isEqualTo(303);
        assertThat(web.cookie("tertial_session")).isPresent().isNotEqualTo(java.util.Optional.of(first));
        assertThat(sendWithCookie(new WebClient(server.getURL().toString()), first).statusCode()).isEqualTo(303);
    }

    @Test
    void the_session_cookie_does_not_open_the_api() {
        signIn();
        String secret = web.cookie("tertial_session").orElseThrow();
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> client.toBlocking().exchange(io.micronaut.http.HttpRequest.GET("/api/activities")
                        .header("Cookie", "tertial_session=" + secret), String.class));
        assertThat(refused.getStatus().getCode()).isEqualTo(401);
    }

    @Test
    void the_first_admin_signs_in_with_the_key_and_a_wrong_key_is_refused() {
        web.get("/login");
        HttpResponse<String> wrong = web.post("/login/nyckel", Map.of("key", "not-the-key"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Nyckeln stämmer inte eller har återkallats");
        HttpResponse<String> right = web.post("/login/nyckel", Map.of("key", Api.BOOTSTRAP_ADMIN));
        assertThat(right.statusCode()).isEqualTo(303);
        HttpResponse<String> home = web.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("bootstrap-admin");
    }

    @Test
    void a_sign_in_form_without_its_token_is_refused() {
        web.get("/login");
        HttpResponse<String> forged = web.postRaw("/login", Map.of("email", EMMA));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Formuläret har gått ut");
        sleep(300);
        assertThat(outbox.findAllOrderById()).noneMatch(m -> m.kind() == MessageKind.SIGN_IN);
    }

    @Test
    void an_unknown_page_is_a_page_that_says_so() {
        signIn();
        HttpResponse<String> missing = web.get("/finns-inte");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(missing.body()).contains("Sidan finns inte").contains("<html lang=\"sv\"");
    }

    @Test
    void only_paths_on_this_site_are_followed_after_sign_in() {
        assertThat(SignInController.safeNext("/mina")).isEqualTo("/mina");
        assertThat(SignInController.safeNext("/aktiviteter?visa=saknas")).isEqualTo("/aktiviteter?visa=saknas");
        assertThat(SignInController.safeNext("//evil.example/x")).isEqualTo("/");
        assertThat(SignInController.safeNext("https://evil.example")).isEqualTo("/");
        assertThat(SignInController.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(SignInController.safeNext("/login/tert_x")).isEqualTo("/");
        assertThat(SignInController.safeNext(null)).isEqualTo("/");
        assertThat(SignInController.safeNext("/a b")).as("not a valid URI").isEqualTo("/");
        assertThat(SignInController.safeNext("/a%zz")).isEqualTo("/");
        assertThat(SignInController.safeNext("/" + "a".repeat(300))).isEqualTo("/");
    }

    private HttpResponse<String> sendWithCookie(WebClient other, String secret) {
        other.setCookie("tertial_session", secret);
        return other.get("/mina");
    }

    private String requestLink() {
        web.get("/login");
        web.post("/login", Map.of("email", EMMA));
        String link = SignInSteps.linkFor(outbox, people, EMMA);
        web.get(link);
        return link;
    }

    private void signIn() {
        outbox.deleteAll();
        String link = requestLink();
        assertThat(web.post(link, Map.of()).statusCode()).isEqualTo(303);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
