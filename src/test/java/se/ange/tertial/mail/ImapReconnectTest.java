package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MailServer;

/**
 * The IDLE connection comes back by itself after the mail server was gone for a while (reconnect back-off
 * set short here), and a reply is then recorded without a poll.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class ImapReconnectTest implements TestPropertyProvider {

    private MailServer mail;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OutboxDelivery delivery;

    @Inject
    ImapIdleWatcher watcher;

    @Override
    public Map<String, String> getProperties() {
        mail = MailServer.smtpAndImap();
        Map<String, String> properties = mail.properties();
        properties.put("tertial.test.clock", "2024-03-28T06:00:00Z");
        properties.put("tertial.mail.imap.reconnect-first", "100ms");
        properties.put("tertial.mail.imap.reconnect-max", "400ms");
        return properties;
    }

    @AfterAll
    void stop() {
        mail.stop();
    }

    @Test
    void the_idle_connection_returns_after_the_server_was_gone_and_hears_new_mail() throws Exception {
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        Api stab = admin.withNewToken("stab", "STAB", null);
        stab.postCsv("/api/import/activities", Fixtures.plan2024());
        admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
        while (delivery.deliverOne()) {
            // deliver the reminders
        }
        MimeMessage reminder = Arrays.stream(mail.greenMail.getReceivedMessages())
                .filter(m -> recipient(m).equals("emma.berglund@ange.example")).findFirst().orElseThrow();
        assertThat(await(watcher::idling)).as("the watcher waits in IDLE").isTrue();

        mail.greenMail.stop();
        assertThat(await(() -> !watcher.idling())).as("the connection is lost").isTrue();
        Thread.sleep(1_500); // several failed reconnections while the server is away
        mail.greenMail.start();
        mail.greenMail.setUser(MailServer.MAILBOX, "tertial", "mailbox-password");
        assertThat(await(watcher::idling)).as("the watcher is back in IDLE").isTrue();

        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress("emma.berglund@ange.example", "Emma Berglund"));
        reply.setRecipients(Message.RecipientType.TO, reminder.getReplyTo());
        reply.setSubject("SV: " + reminder.getSubject(), "UTF-8");
        reply.setText("KS2024-002: Vänteläge – väntar på lokal\n", "UTF-8");
        mail.greenMail.getUserManager().getUserByEmail(MailServer.MAILBOX).deliver(reply);

        assertThat(await(() -> !((List) body(stab.get("/api/activities/KS2024-002")).get("history")).isEmpty()))
                .as("recorded without a poll").isTrue();
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

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
