package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
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

    private String storedMessageId(long outboxId) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT message_id FROM outbox_message WHERE id = ?")) {
            statement.setLong(1, outboxId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void forgetMessageId(long outboxId) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE outbox_message SET message_id = NULL WHERE id = ?")) {
            statement.setLong(1, outboxId);
            statement.executeUpdate();
        }
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
    void the_message_id_is_stored_at_creation_and_the_retry_after_a_failed_attempt_sends_the_same() throws Exception {
        OutboxMessage notice = notice();
        String id = storedMessageId(notice.id());
        assertThat(id).matches(String.format(ID, notice.id()));

        assertThat(deliverOnce(notice.id())).isEqualTo(OutboxState.PENDING);   // SMTP down
        assertThat(storedMessageId(notice.id())).isEqualTo(id);

        smtpUp();
        context.getBean(MutableClock.class).tick(Duration.ofMinutes(5));
        assertThat(deliverOnce(notice.id())).isEqualTo(OutboxState.SENT);
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(id);
        // GreenMail writes the client's greeting into its Received header
        assertThat(received.getHeader("Received")[0]).contains("HELO tertial.ange.example");
    }

    @Test
    void a_message_from_before_ids_were_stored_gets_one_at_delivery_and_keeps_it() throws Exception {
        OutboxMessage notice = notice();
        forgetMessageId(notice.id());
        smtpUp();
        assertThat(deliverOnce(notice.id())).isEqualTo(OutboxState.SENT);
        String id = storedMessageId(notice.id());
        assertThat(id).matches(String.format(ID, notice.id()));
        assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo(id);
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
