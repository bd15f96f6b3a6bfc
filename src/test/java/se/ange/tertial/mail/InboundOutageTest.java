package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.Ports;

/**
 * Inbound mail is never lost. The service's database is a real H2 server over TCP that the test stops (a
 * database outage: pooled connections break, new ones are refused) and starts again; the reply mailbox is
 * GreenMail's IMAP. The outage's length is simulated with the injected clock: each retry waits its back-off
 * (5 s doubling) on the clock, so a 75-second outage passes in a few real seconds.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class InboundOutageTest extends KeptMailContract implements TestPropertyProvider {

    private int databasePort;
    private Server database;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = mailAndClock();
        databasePort = Ports.free();
        startDatabase();
        properties.put("datasources.default.url", "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/mem:outage-"
                + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        properties.put("datasources.default.connection-timeout", "1000"); // an outage fails fast, not after 30 s
        return properties;
    }

    private void startDatabase() {
        try {
            database = Server.createTcpServer("-tcp", "-tcpPort", String.valueOf(databasePort), "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stopDatabase() {
        database.stop();
    }

    @Test
    void a_reply_that_arrives_while_the_database_is_down_is_recorded_once_after_it_recovers() throws Exception {
        remindEmma();
        database.stop();
        try {
            duringTheOutage();
        } finally {
            startDatabase();
        }
        clock.tick(Duration.ofSeconds(80));
        assertThat(await(() -> poller.retryAt() == null && inbox().isEmpty())).as("taken once the database is back")
                .isTrue();
        assertThat(mails.findByMessageId("<outage-1@ange.example>")).hasValueSatisfying(kept -> {
            assertThat(kept.outcome()).isEqualTo(InboundOutcome.RECORDED);
            assertThat(new String(kept.raw(), StandardCharsets.ISO_8859_1)).contains("intervjuerna klara");
        });
        assertThat(history("KS2024-002")).singleElement().satisfies(report -> assertThat(report)
                .containsEntry("channel", "EMAIL").containsEntry("status", "PAGAENDE_ENLIGT_PLAN"));
        drainOutbox();
        assertThat(confirmationsOf("<outage-1@ange.example>")).hasSize(1);

        // the same mail once more, as after a crash between the commit and the move: recorded and confirmed once
        mail.mailbox.deliver(reply("<outage-1@ange.example>", "KS2024-002: Pågående enligt plan – intervjuerna klara"));
        assertThat(poller.pollOnce()).isEqualTo(1);
        drainOutbox();
        assertThat(confirmationsOf("<outage-1@ange.example>")).hasSize(1);
        assertThat(history("KS2024-002")).hasSize(1);
        assertThat(inbox()).isEmpty();
    }

    /** The database is down: the reply arrives, stays unread in the mailbox, and is tried again with back-off. */
    private void duringTheOutage() throws Exception {
        MimeMessage reply = reply("<outage-1@ange.example>", "KS2024-002: Pågående enligt plan – intervjuerna klara");
        mail.mailbox.deliver(reply);

        assertThat(poller.pollOnce()).as("nothing can be kept").isZero();
        assertThat(inbox()).as("the reply stays in the mailbox, unread").singleElement()
                .satisfies(m -> assertThat(m.isSet(Flags.Flag.SEEN)).isFalse());
        assertThat(poller.retryAt()).isEqualTo(clock.instant().plusSeconds(5));

        // the retries come by themselves, each after its back-off (5, 10, 20, 40 s): a 75 s outage on the clock
        for (long wait : List.of(5L, 10L, 20L, 40L)) {
            Instant planned = poller.retryAt();
            clock.tick(Duration.ofSeconds(wait));
            assertThat(await(() -> !planned.equals(poller.retryAt()))).as("retried after %d s", wait).isTrue();
            assertThat(poller.retryAt()).isEqualTo(clock.instant().plusSeconds(wait * 2));
            assertThat(inbox()).singleElement().satisfies(m -> assertThat(m.isSet(Flags.Flag.SEEN)).isFalse());
        }

    }
}
