package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;

/**
 * An SMTP server that refuses every connection: each failed attempt is counted by channel, and a message
 * given up is counted as dead (and moves from the pending to the dead gauge). No scrape token is set here,
 * so a bearer token that is no admin's is refused.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-03-28T06:00:00Z")
@Property(name = "tertial.mail.smtp.host", value = "127.0.0.1")
@Property(name = "tertial.mail.smtp.port", value = "1")
@Property(name = "tertial.outbox.max-attempts", value = "2")
@Property(name = "tertial.metrics.outbox-cache", value = "0s")
class DeliveryFailureMetricsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OutboxDelivery delivery;

    @Inject
    MutableClock clock;

    @Test
    void failed_and_given_up_deliveries_are_counted_by_channel() {
        BlockingHttpClient http = client.toBlocking();
        Api admin = new Api(http, Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        int messages = (Integer) Api.body(admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", "")))
                .get("messages");

        drain();
        Scrape failed = Scrape.of(http, Api.BOOTSTRAP_ADMIN);
        assertThat(failed.value("tertial_deliveries_total", Map.of("result", "failed"))).isEqualTo(messages);
        assertThat(failed.value("tertial_deliveries_total", Map.of("result", "sent"))).isZero();
        assertThat(failed.value("tertial_outbox_messages", Map.of("state", "pending"))).isEqualTo(messages);

        clock.tick(Duration.ofMinutes(1));   // the first back-off
        drain();
        Scrape dead = Scrape.of(http, Api.BOOTSTRAP_ADMIN);
        assertThat(dead.value("tertial_deliveries_total", Map.of("result", "dead"))).isEqualTo(messages);
        assertThat(dead.value("tertial_outbox_messages", Map.of("state", "dead"))).isEqualTo(messages);
        assertThat(dead.value("tertial_outbox_messages", Map.of("state", "pending"))).isZero();
    }

    @Test
    void without_a_scrape_token_set_no_bearer_token_but_an_admins_is_let_in() {
        BlockingHttpClient http = client.toBlocking();
        assertThat(Scrape.of(http, "").status()).isEqualTo(401);
        assertThat(Scrape.of(http, "anything-at-all").status()).isEqualTo(401);
        assertThat(Scrape.of(http, Api.BOOTSTRAP_ADMIN).status()).isEqualTo(200);
    }

    private void drain() {
        while (delivery.deliverOne()) {
            // one pass over what is due
        }
    }
}
