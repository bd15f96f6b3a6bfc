package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.web.WebClient;
import se.ange.tertial.web.signin.WebSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MailServer;
import se.ange.tertial.support.TestDatabase;

/**
 * {@code /prometheus} against real parts (GreenMail for SMTP and IMAP): who may read it, and that each of
 * Tertial's metric families is there and moves when its thing happens.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings("unchecked")
class PrometheusMetricsTest implements TestPropertyProvider {

    static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789";

    private MailServer mail;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OutboxDelivery delivery;

    @Inject
    DataSource dataSource;

    @Inject
    EmbeddedServer server;

    @Inject
    WebSessions sessions;

    @Inject
    PersonRepository people;

    private BlockingHttpClient http;
    private Api admin;

    @Override
    public Map<String, String> getProperties() {
        mail = MailServer.smtpAndImap();
        Map<String, String> properties = mail.properties();
        properties.put("tertial.test.clock", "2024-03-28T06:00:00Z");
        properties.put("tertial.metrics.token", SCRAPE_TOKEN);
        properties.put("tertial.metrics.outbox-cache", "0s");   // each scrape counts afresh
        return properties;
    }

    @AfterAll
    void stop() {
        mail.stop();
    }

    @BeforeEach
    void freshRegister() {
        TestDatabase.clear(dataSource);
        http = client.toBlocking();
        admin = new Api(http, Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @Test
    @Order(1)
    void only_an_admin_or_the_scrape_token_may_read_the_metrics() {
        Scrape byAdmin = Scrape.of(http, Api.BOOTSTRAP_ADMIN);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(Scrape.of(http, SCRAPE_TOKEN).status()).isEqualTo(200);

        assertThat(Scrape.of(http, null).status()).isEqualTo(401);
        assertThat(Scrape.of(http, SCRAPE_TOKEN + "x").status()).isEqualTo(401);
        assertThat(Scrape.of(http, "tertial_" + SCRAPE_TOKEN).status()).isEqualTo(401);
        String owner = admin.withNewToken("owner", "OWNER", "emma.berglund@ange.example").token();
        assertThat(Scrape.of(http, owner).status()).isEqualTo(403);
        String stab = admin.withNewToken("stab2", "STAB", null).token();
        assertThat(Scrape.of(http, stab).status()).isEqualTo(403);
    }

    @Test
    @Order(1)
    void an_admin_signed_in_on_the_pages_may_read_the_metrics_and_an_owner_may_not() {
        WebClient adminPages = new WebClient(server.getURL().toString());
        adminPages.get("/login");
        assertThat(adminPages.post("/login/nyckel", Map.of("key", Api.BOOTSTRAP_ADMIN)).statusCode()).isEqualTo(303);
        String adminSession = adminPages.cookie(WebSessions.COOKIE).orElseThrow();
        HttpResponse<String> scraped = http.exchange(HttpRequest.GET("/prometheus")
                .cookie(Cookie.of(WebSessions.COOKIE, adminSession)), String.class);
        assertThat(scraped.code()).isEqualTo(200);
        assertThat(scraped.body()).contains("tertial_outbox_messages");

        String ownerSession = sessions.startFor(people.findByEmail("emma.berglund@ange.example").orElseThrow(), "test")
                .cookie().getValue();
        try {
            http.exchange(HttpRequest.GET("/prometheus").cookie(Cookie.of(WebSessions.COOKIE, ownerSession)), String.class);
            throw new AssertionError("an owner's session read the metrics");
        } catch (HttpClientResponseException refused) {
            assertThat(refused.getStatus().getCode()).isEqualTo(403);
        }
    }

    @Test
    @Order(2)
    void a_reminder_run_fills_the_outbox_and_its_delivery_is_counted() {
        Scrape before = Scrape.of(http, SCRAPE_TOKEN);
        assertThat(pending(before)).isZero();
        assertThat(before.has("tertial_deliveries_total")).isTrue();

        int messages = (Integer) Api.body(admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", "")))
                .get("messages");
        assertThat(messages).isPositive();
        Scrape enqueued = Scrape.of(http, SCRAPE_TOKEN);
        assertThat(pending(enqueued)).isEqualTo(messages);
        assertThat(enqueued.value("tertial_reminder_run_seconds_count", Map.of("trigger", "manual"))
                - before.value("tertial_reminder_run_seconds_count", Map.of("trigger", "manual"))).isEqualTo(1);
        assertThat(enqueued.value("http_server_requests_seconds_count", Map.of("uri", "/api/reminders/run")))
                .isPositive();

        while (delivery.deliverOne()) {
            // deliver to GreenMail
        }
        Scrape delivered = Scrape.of(http, SCRAPE_TOKEN);
        assertThat(pending(delivered)).isZero();
        double sentRows = delivered.value("tertial_outbox_messages", Map.of("state", "sent"));
        assertThat(sentRows).isPositive();
        assertThat(delivered.value("tertial_deliveries_total", Map.of("result", "sent"))
                - before.value("tertial_deliveries_total", Map.of("result", "sent"))).isEqualTo(sentRows);
        assertThat(delivered.value("tertial_deliveries_total", Map.of("channel", "email", "result", "sent")))
                .isPositive();
        assertThat(mail.greenMail.getReceivedMessages()).hasSizeGreaterThanOrEqualTo((int) sentRows);
    }

    @Test
    @Order(3)
    void a_digest_run_is_timed() {
        Scrape before = Scrape.of(http, Api.BOOTSTRAP_ADMIN);
        assertThat(admin.exchange(HttpRequest.POST("/api/digests/run?on=2024-03-28", "")).code()).isEqualTo(200);
        Scrape after = Scrape.of(http, Api.BOOTSTRAP_ADMIN);
        assertThat(after.value("tertial_digest_run_seconds_count", Map.of("trigger", "manual"))
                - before.value("tertial_digest_run_seconds_count", Map.of("trigger", "manual"))).isEqualTo(1);
        assertThat(after.has("tertial_digest_run_seconds_sum")).isTrue();
    }

    @Test
    @Order(4)
    void received_mail_is_counted_by_outcome() {
        Api gateway = admin.withNewToken("gateway", "GATEWAY", null);
        byte[] stray = ("From: someone@example.org\r\nTo: " + MailServer.MAILBOX + "\r\nSubject: Hej\r\n"
                + "Message-ID: <metrics-stray-1@example.org>\r\n\r\nKlar med allt.\r\n").getBytes(StandardCharsets.UTF_8);
        Map<String, String> rejected = Map.of("outcome", "rejected_token");
        Map<String, String> duplicate = Map.of("outcome", "duplicate");
        Scrape before = Scrape.of(http, SCRAPE_TOKEN);
        assertThat(before.has("tertial_inbound_mails_total")).isTrue();

        for (int i = 0; i < 2; i++) {
            assertThat(gateway.exchange(HttpRequest.POST("/api/mail/inbound", stray).contentType("message/rfc822"))
                    .code()).isEqualTo(200);
        }
        Scrape after = Scrape.of(http, SCRAPE_TOKEN);
        assertThat(after.value("tertial_inbound_mails_total", rejected) - before.value("tertial_inbound_mails_total", rejected))
                .isEqualTo(1);
        assertThat(after.value("tertial_inbound_mails_total", duplicate) - before.value("tertial_inbound_mails_total", duplicate))
                .isEqualTo(1);
    }

    @Test
    @Order(5)   // last: it stops the mail server
    void the_imap_gauge_says_whether_the_reply_mailbox_is_connected() {
        assertThat(await(() -> imapConnected() == 1)).as("connected while the watcher waits in IDLE").isTrue();
        mail.stop();
        assertThat(await(() -> imapConnected() == 0)).as("0 once the server is gone").isTrue();
    }

    private double imapConnected() {
        Scrape scrape = Scrape.of(http, SCRAPE_TOKEN);
        return scrape.value("tertial_imap_connected", Map.of());
    }

    private static double pending(Scrape scrape) {
        return scrape.value("tertial_outbox_messages", Map.of("state", "pending"));
    }

    /** Polls for up to 30 s (no timing is asserted: only that it happens). */
    private static boolean await(BooleanSupplier condition) {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
