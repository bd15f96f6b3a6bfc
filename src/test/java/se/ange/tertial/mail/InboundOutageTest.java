package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import com.icegreen.greenmail.store.StoredMessage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MailServer;
import se.ange.tertial.support.MutableClock;
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
class InboundOutageTest implements TestPropertyProvider {

    private MailServer mail;
    private int databasePort;
    private Server database;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OutboxDelivery delivery;

    @Inject
    ImapPoller poller;

    @Inject
    InboundMailRepository mails;

    @Inject
    MutableClock clock;

    @Inject
    FaultySenderAuthentication authentication;

    private Api stab;
    private MimeMessage reminder;

    @Override
    public Map<String, String> getProperties() {
        mail = MailServer.smtpAndImap();
        databasePort = Ports.free();
        startDatabase();
        Map<String, String> properties = mail.properties();
        properties.put("tertial.test.clock", "2024-03-28T06:00:00Z");
        properties.put("tertial.mail.imap.idle", "false"); // the test polls; the retries run by themselves
        properties.put("tertial.test.inbound-fault", "true");
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
    void stop() {
        mail.stop();
        database.stop();
    }

    private synchronized void remindEmma() throws Exception {
        if (reminder != null) {
            return;
        }
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        stab = admin.withNewToken("stab", "STAB", null);
        stab.postCsv("/api/import/activities", Fixtures.plan2024());
        admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
        drainOutbox();
        reminder = Arrays.stream(mail.greenMail.getReceivedMessages())
                .filter(m -> address(m).equals("emma.berglund@ange.example")).findFirst().orElseThrow();
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

    @Test
    void a_reply_whose_handling_throws_is_kept_as_it_arrived_and_handled_from_the_kept_copy_later() throws Exception {
        remindEmma();
        authentication.broken = true;
        MimeMessage reply = reply("<broken-1@ange.example>", "KS2024-004: Vänteläge – väntar på beslut");
        reply.setHeader("X-Test-Fault", "yes");
        reply.saveChanges();
        reply.setHeader("Message-ID", "<broken-1@ange.example>");
        mail.mailbox.deliver(reply);

        assertThat(poller.pollOnce()).as("kept, so taken from the mailbox").isEqualTo(1);
        assertThat(inbox()).isEmpty();
        InboundMail kept = mails.findByMessageId("<broken-1@ange.example>").orElseThrow();
        assertThat(kept.outcome()).isEqualTo(InboundOutcome.PENDING);
        assertThat(kept.attempts()).isEqualTo(1);
        assertThat(kept.detail()).isEqualTo("Behandlingen misslyckades (IllegalStateException), försöker igen");
        assertThat(new String(kept.raw(), StandardCharsets.ISO_8859_1)).contains("Message-ID: <broken-1@ange.example>")
                .contains("X-Test-Fault: yes");
        assertThat(history("KS2024-004")).isEmpty();

        clock.tick(Duration.ofSeconds(5));
        assertThat(await(() -> attempts("<broken-1@ange.example>") == 2)).as("tried again after 5 s").isTrue();
        assertThat(mails.findByMessageId("<broken-1@ange.example>").orElseThrow().outcome())
                .isEqualTo(InboundOutcome.PENDING);

        authentication.broken = false; // the fix is deployed
        clock.tick(Duration.ofSeconds(10));
        assertThat(await(() -> mails.findByMessageId("<broken-1@ange.example>").orElseThrow().outcome()
                == InboundOutcome.RECORDED)).as("handled from the kept copy").isTrue();
        assertThat(history("KS2024-004")).singleElement().satisfies(report -> assertThat(report)
                .containsEntry("status", "VANTELAGE").containsEntry("comment", "väntar på beslut"));
        drainOutbox();
        assertThat(confirmationsOf("<broken-1@ange.example>")).hasSize(1);
    }

    private int attempts(String messageId) {
        return mails.findByMessageId(messageId).orElseThrow().attempts();
    }

    private MimeMessage reply(String messageId, String text) throws MessagingException, java.io.UnsupportedEncodingException {
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress("emma.berglund@ange.example", "Emma Berglund"));
        reply.setRecipients(Message.RecipientType.TO, reminder.getReplyTo());
        reply.setSubject("SV: " + reminder.getSubject(), "UTF-8");
        reply.setText(text + "\n\nMed vänliga hälsningar\nEmma\n", "UTF-8");
        reply.saveChanges();
        reply.setHeader("Message-ID", messageId);
        return reply;
    }

    private List<StoredMessage> inbox() {
        try {
            return mail.greenMail.getManagers().getImapHostManager().getInbox(mail.mailbox).getMessages();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map> history(String ref) {
        return (List<Map>) body(stab.get("/api/activities/" + ref)).get("history");
    }

    private void drainOutbox() {
        while (delivery.deliverOne()) {
            // deliver everything due
        }
    }

    private List<MimeMessage> confirmationsOf(String messageId) {
        return Arrays.stream(mail.greenMail.getReceivedMessages()).filter(m -> {
            try {
                String[] inReplyTo = m.getHeader("In-Reply-To");
                return m.getSubject().startsWith("Tack!") && inReplyTo != null && inReplyTo[0].equals(messageId);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits for an outcome; the bound is generous for a loaded machine, never a measurement. */
    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static String address(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
