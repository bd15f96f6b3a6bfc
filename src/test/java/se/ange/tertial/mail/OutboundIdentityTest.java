package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Language;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.OutboxState;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.system.AppSecrets;
import se.ange.tertial.support.Ports;

/**
 * Every outbox message has one Message-ID, {@code <outbox-{id}.{random}@{hostname}>}, stored when the message is
 * created and sent on every attempt; the SMTP greeting names {@code TERTIAL_MAIL_HOSTNAME}.
 */
class OutboundIdentityTest {

    private static final String ID = "<outbox-%d\\.[0-9a-f]{20}@tertial\\.ange\\.example>";

    private int port;
    private ApplicationContext context;
    private GreenMail smtp;

    @BeforeEach
    void start() {
        port = Ports.free();   // nothing listens here until a test starts GreenMail: SMTP is down
        context = ApplicationContext.run(Map.of("tertial.test.clock", "2024-03-28T07:00:00Z",
                "tertial.mail.smtp.host", "127.0.0.1", "tertial.mail.smtp.port", String.valueOf(port),
                "tertial.mail.smtp.timeout-millis", "2000", "tertial.mail.hostname", "tertial.ange.example",
                "tertial.mail.from", "Tertial <tertial@ange.example>"), "test");
    }

    @AfterEach
    void stop() {
        context.close();
        if (smtp != null) {
            smtp.stop();
        }
    }

    private OutboxMessage notice() {
        Person emma = context.getBean(PersonRepository.class).save(new Person(null, "Emma Berglund",
                "emma.berglund@ange.example", null, null, null, null, Language.SV, true, null, ReminderChannel.EMAIL));
        return context.getBean(OutboxRepository.class).save(OutboxMessage.prepared(emma.id(), MessageKind.NOTICE,
                "notice-1", "Meddelande", "Hej!", null, LocalDate.parse("2024-03-28"), Instant.parse("2024-03-28T07:00:00Z")));
    }

    private void smtpUp() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private OutboxState deliverOnce(long outboxId) {
        assertThat(context.getBean(OutboxDelivery.class).deliverOne()).isTrue();
        return context.getBean(OutboxRepository.class).findById(outboxId).orElseThrow().state();
    }

    @Test
    void the_retry_after_a_failed_attempt_sends_the_message_id_the_message_had_from_its_creation() throws Exception {
        OutboxMessage notice = notice();
        String id = context.getBean(MessageIds.class).of(notice.id());
        assertThat(id).matches(String.format(ID, notice.id()));

        assertThat(deliverOnce(notice.id())).isEqualTo(OutboxState.PENDING);   // SMTP down

        smtpUp();
        context.getBean(MutableClock.class).tick(Duration.ofMinutes(5));
        assertThat(deliverOnce(notice.id())).isEqualTo(OutboxState.SENT);
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(id);
        // GreenMail writes the client's greeting into its Received header
        assertThat(received.getHeader("Received")[0]).contains("HELO tertial.ange.example");
    }

    @Test
    void the_message_id_survives_a_restart_differs_per_message_and_per_installation() {
        MessageIds ids = context.getBean(MessageIds.class);
        String first = ids.of(41);
        AppSecrets secrets = context.getBean(AppSecrets.class);

        assertThat(new MessageIds(() -> secrets.getOrCreate(MessageIds.KEY), "tertial.ange.example").of(41))
                .as("a restart: the same key, the same ID").isEqualTo(first);
        assertThat(ids.of(42)).matches(String.format(ID, 42)).isNotEqualTo(first.replace("-41.", "-42."));
        assertThat(new MessageIds(() -> "another installation's key", "tertial.ange.example").of(41))
                .matches(String.format(ID, 41)).isNotEqualTo(first);
    }

    @Test
    void the_hostname_defaults_to_the_senders_domain_and_is_never_localhost() {
        assertThat(new MailConnectionConfig(null, null).effectiveHostname("Tertial <tertial@ange.se>")).isEqualTo("ange.se");
        assertThat(new MailConnectionConfig("tertial.ange.se", null).effectiveHostname("t@ange.se"))
                .isEqualTo("tertial.ange.se");
        assertThatThrownBy(() -> new MailConnectionConfig(null, null).effectiveHostname("tertial@localhost"))
                .hasMessageContaining("\"localhost\" (the domain of TERTIAL_MAIL_FROM)")
                .hasMessageContaining("set TERTIAL_MAIL_HOSTNAME");
        assertThatThrownBy(() -> new MailConnectionConfig("LOCALHOST", null).effectiveHostname("t@ange.se"))
                .hasMessageContaining("(TERTIAL_MAIL_HOSTNAME)");
        assertThatThrownBy(() -> new MailConnectionConfig("127.0.0.1", null).effectiveHostname("t@ange.se"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new MailConnectionConfig("a b", null).effectiveHostname("t@ange.se"))
                .isInstanceOf(IllegalStateException.class);
    }
}
