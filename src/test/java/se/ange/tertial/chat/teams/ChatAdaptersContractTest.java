package se.ange.tertial.chat.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.ange.tertial.command.CommandHandler;
import se.ange.tertial.command.Reply;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;

/**
 * One command language, two platforms: the same command lines sent through the Slack endpoint and the
 * Teams endpoint come back with exactly what the command core answers, rendered for each platform.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatAdaptersContractTest implements TestPropertyProvider {

    private static final String SLACK_SECRET = "contract-signing-secret";
    private BotFrameworkStub microsoft;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    CommandHandler commands;

    @Inject
    Callers callers;

    @Inject
    java.time.Clock clock;

    @Override
    public Map<String, String> getProperties() {
        microsoft = new BotFrameworkStub();
        microsoft.server.stubFor(post(urlPathEqualTo("/slack/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}")));
        Map<String, String> properties = new HashMap<>(microsoft.properties());
        properties.put("tertial.test.clock", "2024-04-24T08:00:00Z");
        properties.put("tertial.slack.signing-secret", SLACK_SECRET);
        properties.put("tertial.slack.bot-token", "test-bot-token");
        properties.put("tertial.slack.api-url", microsoft.server.baseUrl() + "/slack/api/");
        return properties;
    }

    @BeforeAll
    void register() {
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @AfterAll
    void stop() {
        microsoft.stop();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "sara, hjälp", "sara, help", "sara, hjälp status", "emma, mina", "emma, mine", "sara, försenade",
        "sara, overdue", "sara, försenade socialavdelningen", "sara, saknas 2024-T1", "sara, avvikelser",
        "sara, aktivitet KS2024-002", "emma, inställningar", "emma, stauts KS2024-002", "emma, försenade staben",
        "emma, aktivitet KS2024-099", "ahmed, status KS2024-002 2: inte min"})
    void slack_and_teams_answer_as_the_command_core_does(String who, String line) throws Exception {
        String email = who + switch (who) {
            case "sara" -> ".lindqvist@ange.example";
            case "emma" -> ".berglund@ange.example";
            default -> ".karimi@ange.example";
        };
        Reply expected = commands.handle(line, callers.byEmail(email, "contract"), Channel.SLACK);

        String slackText = TeamsCards.JSON_MAPPER.readTree(slack(who, line)).path("text").asText();
        assertThat(slackText).isEqualTo(expected.toText());

        List<String> teamsText = teams(who, line);
        assertThat(teamsText.get(0)).isEqualTo(expected.heading());
        for (Reply.Entry entry : expected.entries()) {
            assertThat(teamsText).anySatisfy(text -> assertThat(text).startsWith(entry.key()));
        }
        assertThat(teamsText).containsAll(expected.notes());
    }

    private String slack(String who, String line) {
        String userId = Map.of("sara", "U05STAB001", "emma", "U05OWN0001", "ahmed", "U05OWN0002").get(who);
        String body = "team_id=T1&channel_id=D1&user_id=" + userId + "&user_name=" + who + "&command=%2Ftertial&text="
                + URLEncoder.encode(line, StandardCharsets.UTF_8) + "&response_url=http%3A%2F%2Flocalhost%2Fx&trigger_id=1";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return client.toBlocking().retrieve(HttpRequest.POST("/slack/events", body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator(SLACK_SECRET).generate(timestamp, body)));
    }

    /** The text blocks of the card the bot posted in answer, in order. */
    private List<String> teams(String who, String line) throws Exception {
        ObjectNode message = BotFrameworkStub.activity("message", "29:" + who, "aad-" + who, microsoft.serviceUrl())
                .put("text", line);
        int before = microsoft.posted("a:1on1-" + who).size();
        client.toBlocking().exchange(HttpRequest.POST("/api/teams/messages", message.toString())
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Authorization", microsoft.bearer(clock.instant())));
        List<String> posted = microsoft.posted("a:1on1-" + who);
        assertThat(posted).hasSize(before + 1);
        JsonNode card = TeamsCards.JSON_MAPPER.readTree(posted.get(posted.size() - 1)).path("attachments").get(0).path("content");
        return TeamsCards.texts(card);
    }
}
