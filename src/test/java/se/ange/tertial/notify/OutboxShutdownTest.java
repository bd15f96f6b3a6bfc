package se.ange.tertial.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Eventually;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.Ports;
import se.ange.tertial.support.SmtpRelay;

/**
 * Shutdown (what SIGTERM does: the application context closes): no new message is taken, the deliveries in
 * progress finish within the grace and are SENT, the rest stay due, and the SMTP connections are closed.
 * A delivery still hanging when the grace is over is not marked sent: its message is due again.
 */
class OutboxShutdownTest {

    private GreenMail smtp;
    private SmtpRelay relay;
    private String url;

    @BeforeEach
    void servers() {
        int port = Ports.free();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        relay = new SmtpRelay(port);
        url = "jdbc:h2:mem:shutdown-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    @AfterEach
    void stop() {
        relay.close();
        smtp.stop();
    }

    @Test
    void shutdown_lets_the_deliveries_in_progress_finish_keeps_the_rest_due_and_closes_the_smtp_connections()
            throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger workerLog = (Logger) LoggerFactory.getLogger(OutboxWorker.class);
        workerLog.setLevel(ch.qos.logback.classic.Level.INFO);
        workerLog.addAppender(log);
        EmbeddedServer server = start("60s");
        queue(server, 6);
        server.getApplicationContext().getBean(OutboxWorker.class).nudge();
        assertThat(Eventually.within(60, () -> relay.heldCount() > 0)).as("a delivery in progress").isTrue();

        Thread closing = new Thread(server::close);   // as the JVM's shutdown hook does on SIGTERM
        closing.start();
        assertThat(Eventually.within(60, () -> log.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("Shutting down"))))
                .isTrue();
        relay.forward();   // the SMTP server answers after all
        closing.join(120_000);
        assertThat(closing.isAlive()).isFalse();

        Map<String, List<String>> byState = states();
        List<String> received = Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(byState.get("SENT")).as("the deliveries in progress finished").isNotEmpty();
        assertThat(received).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(byState.get("SENT"));
        assertThat(byState.get("PENDING")).as("no new message taken during shutdown").isNotEmpty()
                .allSatisfy(due -> assertThat(due).endsWith("attempts=0"));
        assertThat(Eventually.within(10, () -> relay.openCount() == 0)).as("SMTP connections closed").isTrue();
        workerLog.detachAppender(log);
        workerLog.setLevel(null);
    }

    @Test
    void a_delivery_still_hanging_after_the_grace_is_not_marked_sent_and_is_due_again() throws Exception {
        EmbeddedServer server = start("1s");
        queue(server, 1);
        server.getApplicationContext().getBean(OutboxWorker.class).nudge();
        assertThat(Eventually.within(60, () -> relay.heldCount() > 0)).isTrue();

        server.close();   // returns although the SMTP server never answers

        assertThat(states().get("PENDING")).singleElement().satisfies(due -> assertThat(due).endsWith("attempts=0"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        relay.dropHeld();
    }

    private EmbeddedServer start(String grace) {
        Map<String, Object> settings = new HashMap<>(Map.of("datasources.default.url", url,
                "tertial.mail.smtp.host", "127.0.0.1", "tertial.mail.smtp.port", String.valueOf(relay.port()),
                "tertial.mail.smtp.timeout-millis", "120000", "tertial.outbox.poll", "true",
                "tertial.outbox.poll-interval", "1h", "tertial.outbox.poll-initial-delay", "1h",
                "tertial.outbox.workers", "2", "tertial.outbox.shutdown-grace", grace, "micronaut.server.port", "-1"));
        settings.put("tertial.test.clock", "2024-03-28T06:00:00Z");
        return ApplicationContext.builder("test").properties(settings).run(EmbeddedServer.class);
    }

    private static void queue(EmbeddedServer server, int count) {
        try (HttpClient client = HttpClient.create(server.getURL())) {
            new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).postCsv("/api/import/people", Fixtures.people());
        }
        Person recipient = server.getApplicationContext().getBean(PersonRepository.class).findAll().iterator().next();
        OutboxRepository outbox = server.getApplicationContext().getBean(OutboxRepository.class);
        Clock clock = server.getApplicationContext().getBean(Clock.class);
        for (int n = 1; n <= count; n++) {
            outbox.save(OutboxMessage.prepared(recipient.id(), ReminderChannel.EMAIL, MessageKind.ANSWER, "STOP/" + n,
                    "Meddelande " + n, "Text " + n, null, LocalDate.now(clock), clock.instant()));
        }
    }

    /** State → subjects (SENT) or "subject attempts=n" (others), read after the service has stopped. */
    private Map<String, List<String>> states() throws SQLException {
        Map<String, List<String>> states = new HashMap<>(Map.of("SENT", List.of(), "PENDING", List.of()));
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT state, subject, attempts, next_attempt_at FROM outbox_message")) {
            while (rows.next()) {
                String state = rows.getString(1);
                String entry = state.equals("SENT") ? rows.getString(2) : rows.getString(2) + " attempts=" + rows.getInt(3);
                Timestamp next = rows.getTimestamp(4);
                assertThat(next.toInstant()).as("due").isBeforeOrEqualTo(java.time.Instant.parse("2024-03-28T06:00:00Z"));
                states.merge(state, List.of(entry), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
            }
        }
        return states;
    }
}
