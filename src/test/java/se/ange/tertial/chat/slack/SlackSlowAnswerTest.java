package se.ange.tertial.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.app_backend.SlackSignature;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;

/**
 * An answer that is not ready within the acknowledgement window is acknowledged at once and then sent
 * through the command's {@code response_url}, exactly once. The command is held ({@link HeldSlackPeople})
 * until the acknowledgement has arrived, so the slow path is taken every run.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackSlowAnswerTest implements TestPropertyProvider {

    private static final String SECRET = "slow-signing-secret";
    private final WireMockServer slack = new WireMockServer(options().dynamicPort());

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    HeldSlackPeople heldPeople;

    @Override
    public Map<String, String> getProperties() {
        slack.start();
        slack.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\"}")));
        slack.stubFor(post(urlPathEqualTo("/respond")).willReturn(aResponse().withStatus(200).withBody("ok")));
        return Map.of("tertial.slack.signing-secret", SECRET, "tertial.slack.bot-token", "test-bot-token",
                "tertial.slack.api-url", slack.baseUrl() + "/api/", "tertial.slack.answer-within", "0ms",
                "tertial.test.hold-slack-people", "true");
    }

    @AfterAll
    void stop() {
        slack.stop();
    }

    @Test
    void a_slow_answer_is_acknowledged_at_once_and_delivered_through_response_url() throws Exception {
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());

        String body = "team_id=T1&channel_id=D1&user_id=U05STAB001&user_name=sara&command=%2Ftertial&text="
                + URLEncoder.encode("försenade", StandardCharsets.UTF_8) + "&response_url="
                + URLEncoder.encode(slack.baseUrl() + "/respond", StandardCharsets.UTF_8) + "&trigger_id=1";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String ack = client.toBlocking().retrieve(HttpRequest.POST("/slack/events", body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(timestamp, body)));

        assertThat(ack).contains("Ett ögonblick").doesNotContain("Försenade aktiviteter");
        assertThat(slack.findAll(postRequestedFor(urlPathEqualTo("/respond")))).as("nothing before the answer is ready").isEmpty();

        heldPeople.release();
        List<LoggedRequest> responses = awaitResponses();
        assertThat(responses).singleElement().satisfies(response ->
                assertThat(response.getBodyAsString()).contains("Försenade aktiviteter").contains("ephemeral"));
    }

    private List<LoggedRequest> awaitResponses() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<LoggedRequest> found = List.of();
        while (Instant.now().isBefore(deadline) && found.isEmpty()) {
            Thread.sleep(100);
            found = slack.findAll(postRequestedFor(urlPathEqualTo("/respond")));
        }
        Thread.sleep(300); // and no second one
        return slack.findAll(postRequestedFor(urlPathEqualTo("/respond")));
    }
}
