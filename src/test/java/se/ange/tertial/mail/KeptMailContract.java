package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import com.icegreen.greenmail.store.StoredMessage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MailServer;
import se.ange.tertial.support.MutableClock;

/**
 * A reply is kept exactly as it arrived before it is handled: a handling that throws leaves it kept (PENDING),
 * and it is handled later from the kept copy, recorded and confirmed once. On H2 ({@link InboundOutageTest},
 * which also stops the database) and on PostgreSQL ({@link KeptMailOnPostgresTest}); GreenMail is the mailbox.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class KeptMailContract {

    protected MailServer mail;

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

    protected Api stab;
    protected MimeMessage reminder;

    /** The mailbox and the settings every variant shares. */
    protected Map<String, String> mailAndClock() {
        mail = MailServer.smtpAndImap();
        Map<String, String> properties = mail.properties();
        properties.put("tertial.test.clock", "2024-03-28T06:00:00Z");
        properties.put("tertial.mail.imap.idle", "false"); // the test polls; the retries run by themselves
        properties.put("tertial.test.inbound-fault", "true");
        return properties;
    }

    @AfterAll
    void stopMail() {
        mail.stop();
    }

    protected synchronized void remindEmma() throws Exception {
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

    protected int attempts(String messageId) {
        return mails.findByMessageId(messageId).orElseThrow().attempts();
    }

    protected MimeMessage reply(String messageId, String text) throws MessagingException, java.io.UnsupportedEncodingException {
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress("emma.berglund@ange.example", "Emma Berglund"));
        reply.setRecipients(Message.RecipientType.TO, reminder.getReplyTo());
        reply.setSubject("SV: " + reminder.getSubject(), "UTF-8");
        reply.setText(text + "\n\nMed vänliga hälsningar\nEmma\n", "UTF-8");
        reply.saveChanges();
        reply.setHeader("Message-ID", messageId);
        return reply;
    }

    protected List<StoredMessage> inbox() {
        try {
            return mail.greenMail.getManagers().getImapHostManager().getInbox(mail.mailbox).getMessages();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    protected List<Map> history(String ref) {
        return (List<Map>) body(stab.get("/api/activities/" + ref)).get("history");
    }

    protected void drainOutbox() {
        while (delivery.deliverOne()) {
            // deliver everything due
        }
    }

    protected List<MimeMessage> confirmationsOf(String messageId) {
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
    protected static boolean await(BooleanSupplier condition) throws InterruptedException {
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
