package se.ange.tertial.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Eventually;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.Ports;
import se.ange.tertial.support.TestDatabase;

/**
 * The outbox drains: four workers deliver everything due at once into a real SMTP server (GreenMail), each
 * mail once, and a reminder run's mail leaves when the run commits. Polls are an hour apart here, so only
 * the nudge can have sent anything.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxDrainTest implements TestPropertyProvider {

    private GreenMail smtp;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxWorker worker;

    @Inject
    OutboxRepository outbox;

    @Inject
    PersonRepository people;

    @Inject
    Clock clock;

    Api admin;

    @Override
    public Map<String, String> getProperties() {
        int port = Ports.free();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return Map.of("tertial.mail.smtp.host", "127.0.0.1", "tertial.mail.smtp.port", String.valueOf(port),
                "tertial.outbox.poll", "true", "tertial.outbox.poll-interval", "1h",
                "tertial.outbox.poll-initial-delay", "1h", "tertial.outbox.workers", "4",
                "tertial.test.clock", "2024-03-28T06:00:00Z");
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    @BeforeEach
    void people() throws Exception {
        TestDatabase.clear(dataSource);
        smtp.purgeEmailFromAllMailboxes();
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
    }

    @Test
    void a_queue_of_250_is_delivered_in_one_drain_each_mail_once() {
        Person recipient = people.findAll().iterator().next();
        IntStream.rangeClosed(1, 250).forEach(n -> outbox.save(OutboxMessage.prepared(recipient.id(),
                ReminderChannel.EMAIL, MessageKind.ANSWER, "DRAIN/" + n, "Meddelande " + n, "Text " + n, null,
                LocalDate.now(clock), clock.instant())));

        worker.nudge();

        assertThat(Eventually.within(120, () -> outbox.findByStateOrderById(OutboxState.SENT).size() == 250))
                .as("all 250 sent, %s", outbox.findByStateOrderById(OutboxState.PENDING).size() + " still pending").isTrue();
        List<String> subjects = subjects();
        assertThat(subjects).hasSize(250).doesNotHaveDuplicates()
                .containsAll(IntStream.rangeClosed(1, 250).mapToObj(n -> "Meddelande " + n).toList());
    }

    @Test
    void a_reminder_run_sends_its_mail_when_it_commits() {
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        int messages = (Integer) Api.body(admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", "")))
                .get("messages");
        assertThat(messages).isGreaterThan(5);

        assertThat(Eventually.within(120, () -> smtp.getReceivedMessages().length >= messages)).isTrue();
        assertThat(Eventually.within(30, () -> outbox.findByStateOrderById(OutboxState.SENT).size() == messages)).isTrue();
        assertThat(recipients()).hasSize(messages).doesNotHaveDuplicates();
    }

    private List<String> subjects() {
        return Arrays.stream(smtp.getReceivedMessages()).map(OutboxDrainTest::subject).toList();
    }

    private List<String> recipients() {
        return Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
