package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MailServer;

/** End to end with GreenMail: reminder out by SMTP, reply in by IMAP, status recorded, confirmation out. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class ReplyByMailTest implements TestPropertyProvider {

    private MailServer mail;

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
    Gallring gallring;

    @Inject
    se.ange.tertial.support.MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        mail = MailServer.smtpAndImap();
        Map<String, String> properties = mail.properties();
        properties.put("tertial.test.clock", "2024-03-28T06:00:00Z");
        properties.put("tertial.mail.imap.idle", "false"); // this test polls itself
        return properties;
    }

    @AfterAll
    void stop() {
        mail.stop();
    }

    private void drainOutbox() {
        while (delivery.deliverOne()) {
            // deliver everything due
        }
    }

    @Test
    void a_reply_to_the_reminder_is_recorded_confirmed_and_never_handled_twice() throws Exception {
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        Api stab = admin.withNewToken("stab", "STAB", null);
        stab.postCsv("/api/import/activities", Fixtures.plan2024());
        admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
        drainOutbox();
        MimeMessage reminder = Arrays.stream(mail.greenMail.getReceivedMessages())
                .filter(m -> address(m).equals("emma.berglund@ange.example")).findFirst().orElseThrow();

        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress("emma.berglund@ange.example", "Emma Berglund"));
        reply.setRecipients(Message.RecipientType.TO, reminder.getReplyTo());
        reply.setSubject("SV: " + reminder.getSubject(), "UTF-8");
        reply.setText("KS2024-002: Pågående enligt plan – intervjuerna klara, två kvar\n\n"
                + "Med vänliga hälsningar\nEmma\n\n-----Ursprungligt meddelande-----\nFrån: Tertial\n"
                + "KS2024-004: Vänteläge – står i påminnelsen\n", "UTF-8");
        reply.setHeader("Message-ID", "<reply-1@ange.example>");
        reply.saveChanges();
        reply.setHeader("Message-ID", "<reply-1@ange.example>");
        mail.mailbox.deliver(reply);

        assertThat(poller.pollOnce()).isEqualTo(1);

        Map detail = body(stab.get("/api/activities/KS2024-002"));
        List<Map> history = (List<Map>) detail.get("history");
        assertThat(history).singleElement().satisfies(report -> assertThat(report)
                .containsEntry("channel", "EMAIL").containsEntry("status", "PAGAENDE_ENLIGT_PLAN")
                .containsEntry("reportedBy", "emma.berglund@ange.example").containsEntry("tertial", "2024-T1")
                .containsEntry("comment", "intervjuerna klara, två kvar"));
        assertThat((List) body(stab.get("/api/activities/KS2024-004")).get("history")).isEmpty();

        drainOutbox();
        assertThat(confirmations()).hasSize(1);
        MimeMessage confirmation = confirmations().get(0);
        assertThat(address(confirmation)).isEqualTo("emma.berglund@ange.example");
        assertThat(confirmation.getSubject()).isEqualTo("Tack! Status registrerad för tertial 2024-T1");
        assertThat((String) confirmation.getContent()).contains("KS2024-002").contains("Pågående enligt plan")
                .contains("intervjuerna klara, två kvar");
        assertThat(confirmation.getHeader("In-Reply-To")[0]).isEqualTo("<reply-1@ange.example>");

        mail.mailbox.deliver(reply); // the same message again
        assertThat(poller.pollOnce()).isEqualTo(1);
        drainOutbox();
        assertThat(confirmations()).hasSize(1);
        assertThat((List) body(stab.get("/api/activities/KS2024-002")).get("history")).hasSize(1);

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        reply.writeTo(raw);
        Api gateway = admin.withNewToken("mail-gateway", "GATEWAY", null);
        HttpResponse<Map> again = gateway.exchange(HttpRequest.POST("/api/mail/inbound", raw.toByteArray())
                .contentType("message/rfc822"));
        assertThat(body(again)).containsEntry("outcome", "DUPLICATE");
        assertThat(stab.exchange(HttpRequest.POST("/api/mail/inbound", raw.toByteArray())
                .contentType("message/rfc822")).code()).isEqualTo(403);

        // the kept reply is a public record until its retention period has passed (gallring)
        assertThat(mails.findByMessageId("<reply-1@ange.example>")).hasValueSatisfying(kept -> {
            assertThat(kept.outcome()).isEqualTo(InboundOutcome.RECORDED);
            assertThat(new String(kept.raw(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Message-ID: <reply-1@ange.example>");
        });
        clock.tick(java.time.Duration.ofDays(365));
        gallring.dispose();
        assertThat(mails.findByMessageId("<reply-1@ange.example>")).isPresent();
        clock.tick(java.time.Duration.ofDays(2 * 365));
        gallring.dispose();
        assertThat(mails.findByMessageId("<reply-1@ange.example>")).isEmpty();
        assertThat((List) body(stab.get("/api/activities/KS2024-002")).get("history")).hasSize(1);
    }

    private List<MimeMessage> confirmations() {
        return Arrays.stream(mail.greenMail.getReceivedMessages())
                .filter(m -> address(m).equals("emma.berglund@ange.example") && subject(m).startsWith("Tack!")).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String address(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
