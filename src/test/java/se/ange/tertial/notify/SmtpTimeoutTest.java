package se.ange.tertial.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.Ports;
import se.ange.tertial.support.SmtpRelay;

/** An SMTP server that accepts and never answers: the send times out and the message waits for its retry. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpTimeoutTest implements TestPropertyProvider {

    private final SmtpRelay silent = new SmtpRelay(Ports.free());

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OutboxDelivery delivery;

    @Inject
    OutboxRepository outbox;

    @Inject
    PersonRepository people;

    @Inject
    Clock clock;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("tertial.mail.smtp.host", "127.0.0.1", "tertial.mail.smtp.port", String.valueOf(silent.port()),
                "tertial.mail.smtp.timeout-millis", "500", "tertial.test.clock", "2024-03-28T06:00:00Z");
    }

    @AfterAll
    void stop() {
        silent.close();
    }

    @Test
    void a_silent_smtp_server_fails_the_send_by_timeout_and_the_message_waits_for_its_retry() {
        new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).postCsv("/api/import/people", Fixtures.people());
        Person recipient = people.findAll().iterator().next();
        long id = outbox.save(OutboxMessage.prepared(recipient.id(), ReminderChannel.EMAIL, MessageKind.ANSWER, "SILENT/1",
                "Meddelande", "Text", null, LocalDate.now(clock), clock.instant())).id();

        assertThat(delivery.deliverOne()).isTrue();

        OutboxMessage message = outbox.findById(id).orElseThrow();
        assertThat(message.state()).isEqualTo(OutboxState.PENDING);
        assertThat(message.attempts()).isEqualTo(1);
        assertThat(message.nextAttemptAt()).isAfter(clock.instant());
        assertThat(message.lastError()).containsIgnoringCase("timed out");
        assertThat(silent.heldCount()).isPositive();
    }
}
