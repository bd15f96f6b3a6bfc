package se.ange.tertial.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;

/** An SMTP server that never answers: messages back off, then are marked DEAD and listed as such. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-03-28T06:00:00Z")
@Property(name = "tertial.mail.smtp.host", value = "127.0.0.1")
@Property(name = "tertial.mail.smtp.port", value = "1")
@Property(name = "tertial.outbox.max-attempts", value = "3")
@SuppressWarnings({"rawtypes", "unchecked"})
class OutboxDeadLetterTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OutboxDelivery delivery;

    @Inject
    MutableClock clock;

    @Test
    void failed_deliveries_back_off_and_give_up_after_the_limit() {
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        int messages = (Integer) Api.body(admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", "")))
                .get("messages");

        drain();
        drain(); // nothing is due again before the back-off has passed
        List<Map> waiting = admin.retrieve("/api/outbox?state=PENDING", Argument.listOf(Map.class));
        assertThat(waiting).hasSize(messages).allSatisfy(m -> assertThat(m.get("attempts")).isEqualTo(1));

        clock.tick(Duration.ofMinutes(1));   // first back-off: 1 minute
        drain();
        clock.tick(Duration.ofMinutes(2));   // then 2 minutes
        drain();
        List<Map> dead = admin.retrieve("/api/outbox?state=DEAD", Argument.listOf(Map.class));
        assertThat(dead).hasSize(messages).allSatisfy(m -> {
            assertThat(m.get("attempts")).isEqualTo(3);
            assertThat((String) m.get("lastError")).contains("SMTP");
        });
        clock.tick(Duration.ofHours(2));
        assertThat(delivery.deliverOne()).isFalse();
    }

    private void drain() {
        while (delivery.deliverOne()) {
            // one pass over what is due
        }
    }
}
