package se.ange.tertial.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.slack.api.app_backend.SlackSignature;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * Slack's Web API unreachable or refusing the bot token: a signed request is answered with a short Swedish
 * message (never a 500 with exception text) and the cause is logged. Ordered: Bolt caches a good auth.test.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackFailuresTest implements TestPropertyProvider {

    private static final String SECRET = "test-signing-secret-0123456789abcdef";
    private final WireMockServer slackApi = new WireMockServer(options().dynamicPort());
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    ActivityCatalog catalog;

    @Inject
    SlackReminderService reminders;

    @Override
    public Map<String, String> getProperties() {
        slackApi.start();
        return Map.of("tertial.slack.signing-secret", SECRET, "tertial.slack.bot-token", "test-bot-token",
                "tertial.slack.api-url", slackApi.baseUrl() + "/api/", "tertial.test.clock", "2024-03-28T06:00:00Z");
    }

    @BeforeAll
    void register() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @AfterAll
    void stop() {
        slackApi.stop();
    }

    @BeforeEach
    void listen() {
        slackApi.resetAll();
        slackApi.stubFor(post(urlPathEqualTo("/respond")).willReturn(okJson("{\"ok\":true}")));
        log.list.clear();
        log.start();
        ((Logger) LoggerFactory.getLogger("se.ange.tertial.chat.slack")).addAppender(log);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger("se.ange.tertial.chat.slack")).detachAppender(log);
    }

    private HttpResponse<String> send(String body, MediaType type, String secret) {
        long timestamp = Instant.now().getEpochSecond();
        String signature = new SlackSignature.Generator(secret).generate(String.valueOf(timestamp), body);
        HttpRequest<String> request = HttpRequest.POST("/slack/events", body).contentType(type)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp)).header("X-Slack-Signature", signature);
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus()).body(e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private HttpResponse<String> command(String text, String secret) {
        String body = "token=legacy&team_id=T1&team_domain=ange&channel_id=D1&channel_name=directmessage&user_id="
                + "U05OWN0001&user_name=emma&command=%2Ftertial&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode(slackApi.baseUrl() + "/respond", StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
        return send(body, MediaType.APPLICATION_FORM_URLENCODED_TYPE, secret);
    }

    private HttpResponse<String> interaction(String json) {
        return send("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8),
                MediaType.APPLICATION_FORM_URLENCODED_TYPE, SECRET);
    }

    private static void assertShortSwedishAnswer(HttpResponse<String> response) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).contains("Tertial får inte kontakt med Slack just nu, så inget har registrerats.")
                .doesNotContain("Exception").doesNotContain("Internal Server Error").doesNotContain("Connection")
                .doesNotContain("invalid_auth");
    }

    @Test
    @Order(1)
    void an_unreachable_web_api_gives_the_person_a_short_swedish_answer_and_the_log_the_cause() {
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertShortSwedishAnswer(command("status KS2024-002 2: första föreläsningen hölls", SECRET));

        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).isEmpty();
        assertThat(log.list).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains("Slack's Web API could not be reached").contains("Connection reset");
            assertThat(e.getThrowableProxy()).isNotNull();
        });
        // a forged request is still refused, whatever Slack's state
        assertThat(command("mina", "not-the-secret").code()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void a_refused_bot_token_gives_the_person_a_short_swedish_answer_and_the_log_the_cause() {
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));

        assertShortSwedishAnswer(command("mina", SECRET));
        HttpResponse<String> modal = interaction("""
                {"type":"view_submission","team":{"id":"T1"},"api_app_id":"A1","token":"x","user":{"id":"U05OWN0001"},
                 "view":{"id":"V1","type":"modal","callback_id":"report_comment","private_metadata":"1|KS2024-002|2024-T1|PAGAENDE_ENLIGT_PLAN|D1|111.222",
                   "state":{"values":{"comment":{"comment_input":{"type":"plain_text_input","value":"Hölls"}}}}}}""");
        assertShortSwedishAnswer(modal);
        assertThat(modal.body()).contains("\"response_action\":\"errors\"");

        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).isEmpty();
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("refused the bot token")
                .contains("invalid_auth"));
    }

    @Test
    @Order(3)
    void a_comment_modal_that_slack_cannot_open_is_answered_with_the_chat_line_to_use_instead() {
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HttpResponse<String> chosen = interaction("""
                {"type":"block_actions","team":{"id":"T1"},"api_app_id":"A1","token":"x","trigger_id":"trigger-1",
                 "user":{"id":"U05OWN0001"},"container":{"type":"message","channel_id":"D1","message_ts":"111.222"},
                 "response_url":"%s/respond",
                 "actions":[{"type":"static_select","action_id":"report_status","block_id":"activity-KS2024-002",
                   "selected_option":{"text":{"type":"plain_text","text":"3 Pågående med avvikelse"},
                   "value":"1|KS2024-002|2024-T1|PAGAENDE_MED_AVVIKELSE"},"action_ts":"1"}]}""".formatted(slackApi.baseUrl()));

        assertThat(chosen.code()).isEqualTo(200);
        assertThat(String.valueOf(chosen.body())).doesNotContain("Exception");
        assertThat(slackApi.findAll(postRequestedFor(urlPathEqualTo("/respond")))).singleElement().satisfies(r ->
                assertThat(URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8))
                        .contains("Slack kunde inte öppna rutan för kommentaren, så inget har registrerats.")
                        .contains("`/tertial status KS2024-002 3: kommentar`"));
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("views.open failed"));
    }

    @Test
    @Order(4)
    void the_comment_modal_requires_a_comment_for_a_status_with_deviation() {
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}")));
        HttpResponse<String> submitted = interaction("""
                {"type":"view_submission","team":{"id":"T1"},"api_app_id":"A1","token":"x","user":{"id":"U05OWN0001"},
                 "view":{"id":"V1","type":"modal","callback_id":"report_comment","private_metadata":"1|KS2024-002|2024-T1|AVSLUTAD_MED_AVVIKELSE|D1|111.222",
                   "state":{"values":{"comment":{"comment_input":{"type":"plain_text_input","value":"  "}}}}}}""");
        assertThat(submitted.code()).isEqualTo(200);
        assertThat(submitted.body()).contains("\"response_action\":\"errors\"").contains("Skriv vad som avviker och vad som händer nu.");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).isEmpty();
        // the modal itself marks the comment as required for the two deviation statuses
        assertThat(modal(se.ange.tertial.followup.Status.PAGAENDE_MED_AVVIKELSE)).contains("\"optional\":false");
        assertThat(modal(se.ange.tertial.followup.Status.AVSLUTAD_MED_AVVIKELSE)).contains("\"optional\":false");
        assertThat(modal(se.ange.tertial.followup.Status.PAGAENDE_ENLIGT_PLAN)).contains("\"optional\":true");
    }

    private String modal(se.ange.tertial.followup.Status status) {
        return com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(reminders.commentModal(
                new SlackReminders.Choice(1, "KS2024-002", "2024-T1", status), "D1", "111.222",
                se.ange.tertial.followup.Language.SV));
    }
}
