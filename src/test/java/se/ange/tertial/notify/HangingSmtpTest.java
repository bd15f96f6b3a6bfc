package se.ange.tertial.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Eventually;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.Ports;
import se.ange.tertial.support.SmtpRelay;

/**
 * An SMTP server that accepts and never answers holds up only the workers sending mail on it: Slack messages
 * queued behind the mails go out meanwhile. When the hung connections end, the mails are retried and arrive
 * once (the SMTP timeout is long here, so it is the test that ends the hang; SmtpTimeoutTest shows the timeout).
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HangingSmtpTest implements TestPropertyProvider {

    private final WireMockServer slackApi = new WireMockServer(options().dynamicPort());
    private GreenMail smtp;
    private SmtpRelay relay;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OutboxWorker worker;

    @Inject
    OutboxRepository outbox;

    @Inject
    PersonRepository people;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        int port = Ports.free();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        relay = new SmtpRelay(port);
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/users.lookupByEmail")).willReturn(okJson(
                "{\"ok\":true,\"user\":{\"id\":\"U05OWN0001\"}}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"D1\",\"ts\":\"111.222\"}")));
        return Map.ofEntries(Map.entry("tertial.mail.smtp.host", "127.0.0.1"),
                Map.entry("tertial.mail.smtp.port", String.valueOf(relay.port())),
                Map.entry("tertial.mail.smtp.timeout-millis", "120000"),   // the hang ends when the test says so
                Map.entry("tertial.slack.signing-secret", "test-signing-secret-0123456789abcdef"),
                Map.entry("tertial.slack.bot-token", "test-bot-token"),
                Map.entry("tertial.slack.api-url", slackApi.baseUrl() + "/api/"),
                Map.entry("tertial.outbox.poll", "true"), Map.entry("tertial.outbox.poll-interval", "1h"),
                Map.entry("tertial.outbox.poll-initial-delay", "1h"), Map.entry("tertial.outbox.workers", "4"),
                Map.entry("tertial.test.clock", "2024-03-28T06:00:00Z"));
    }

    @AfterAll
    void stop() {
        relay.close();
        smtp.stop();
        slackApi.stop();
    }

    @Test
    void a_hanging_smtp_server_does_not_stop_slack_and_the_hung_mails_are_retried_once() {
        new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).postCsv("/api/import/people", Fixtures.people());
        Person recipient = people.findAll().iterator().next();
        // the mails first: the first workers take them and hang
        List<Long> mails = IntStream.rangeClosed(1, 2).mapToObj(n -> save(recipient, ReminderChannel.EMAIL, n)).toList();
        List<Long> chats = IntStream.rangeClosed(3, 12).mapToObj(n -> save(recipient, ReminderChannel.SLACK, n)).toList();

        worker.nudge();

        assertThat(Eventually.within(60, () -> chats.stream().allMatch(id -> state(id) == OutboxState.SENT)))
                .as("every Slack message sent while SMTP hangs").isTrue();
        assertThat(relay.heldCount()).as("a mail hanging on the silent server").isPositive();
        assertThat(mails).allSatisfy(id -> assertThat(state(id)).isEqualTo(OutboxState.PENDING));
        slackApi.verify(10, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));

        // the server gives up on each connection: those attempts fail. (The SMTP pool opens connections one at a
        // time, so the second mail's connection is made only when the first one's has ended.)
        assertThat(Eventually.within(60, () -> {
            relay.dropHeld();
            return mails.stream().allMatch(id -> outbox.findById(id).orElseThrow().attempts() == 1);
        })).as("the hung attempts end as failures, to be retried").isTrue();
        assertThat(mails).allSatisfy(id -> assertThat(state(id)).isEqualTo(OutboxState.PENDING));

        relay.forward();
        clock.tick(Duration.ofMinutes(2));   // past the first back-off
        worker.nudge();
        assertThat(Eventually.within(60, () -> mails.stream().allMatch(id -> state(id) == OutboxState.SENT))).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        slackApi.verify(10, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    }

    private long save(Person recipient, ReminderChannel channel, int n) {
        return outbox.save(OutboxMessage.prepared(recipient.id(), channel, MessageKind.ANSWER, "HANG/" + n,
                "Meddelande " + n, "Text " + n, null, LocalDate.now(clock), clock.instant())).id();
    }

    private OutboxState state(long id) {
        return outbox.findById(id).orElseThrow().state();
    }
}
