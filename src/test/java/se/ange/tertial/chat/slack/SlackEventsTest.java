package se.ange.tertial.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/** Slack's endpoint with requests signed as Slack signs them; Slack's Web API is a local stub. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackEventsTest implements TestPropertyProvider {

    private static final String SECRET = "test-signing-secret-0123456789abcdef";
    private final WireMockServer slackApi = new WireMockServer(options().dynamicPort());

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    ActivityCatalog catalog;

    @Inject
    PersonRepository people;

    @Override
    public Map<String, String> getProperties() {
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"url\":\"https://ange.slack.com/\",\"team\":\"Ånge\",\"user\":\"tertial\",\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/users.info")).willReturn(okJson(
                "{\"ok\":true,\"user\":{\"id\":\"UNEW00001\",\"profile\":{\"email\":\"Emma.Berglund@ange.example\"}}}")));
        return Map.of("tertial.slack.signing-secret", SECRET, "tertial.slack.bot-token", "test-bot-token",
                "tertial.slack.api-url", slackApi.baseUrl() + "/api/");
    }

    @AfterAll
    void stop() {
        slackApi.stop();
    }

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    private HttpResponse<String> send(String body, MediaType type, long timestamp, String secret) {
        String signature = new SlackSignature.Generator(secret).generate(String.valueOf(timestamp), body);
        HttpRequest<String> request = HttpRequest.POST("/slack/events", body).contentType(type)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp)).header("X-Slack-Signature", signature);
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus());
        }
    }

    private HttpResponse<String> command(String userId, String text, long timestamp, String secret) {
        String body = "token=legacy&team_id=T1&team_domain=ange&channel_id=D1&channel_name=directmessage&user_id="
                + userId + "&user_name=someone&command=%2Ftertial&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode(slackApi.baseUrl() + "/respond", StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
        return send(body, MediaType.APPLICATION_FORM_URLENCODED_TYPE, timestamp, secret);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void url_verification_echoes_the_challenge() {
        HttpResponse<String> response = send("{\"token\":\"x\",\"challenge\":\"abc123\",\"type\":\"url_verification\"}",
                MediaType.APPLICATION_JSON_TYPE, now(), SECRET);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).contains("abc123");
    }

    @Test
    void stab_asks_for_overdue_activities_with_the_slash_command() {
        HttpResponse<String> response = command("U05STAB001", "försenade socialavdelningen", now(), SECRET);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).contains("Försenade aktiviteter").contains("KS2024-001").contains("\"blocks\"");
    }

    @Test
    void an_owner_reports_a_status_from_slack_and_an_unknown_slack_user_is_mapped_once_by_email() {
        assertThat(people.findBySlackUserId("UNEW00001")).isEmpty();
        HttpResponse<String> response = command("UNEW00001", "status KS2024-002 2: första föreläsningen hölls", now(), SECRET);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).contains("Tack! Registrerat");
        assertThat(people.findBySlackUserId("UNEW00001")).hasValueSatisfying(p ->
                assertThat(p.email()).isEqualTo("emma.berglund@ange.example"));
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).singleElement().satisfies(report -> {
            assertThat(report.channel().name()).isEqualTo("SLACK");
            assertThat(report.reportedBy()).isEqualTo("emma.berglund@ange.example");
        });
    }

    @Test
    void a_wrong_signature_or_an_old_timestamp_is_refused_and_changes_nothing() {
        assertThat(command("U05OWN0001", "status KS2024-002 2", now(), "not-the-secret").code()).isEqualTo(401);
        assertThat(command("U05OWN0001", "status KS2024-002 2", now() - 6 * 60, SECRET).code()).isEqualTo(401);
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).isEmpty();
    }

    @Test
    void a_malformed_command_gets_help() {
        HttpResponse<String> response = command("U05OWN0001", "stauts KS2024-002", now(), SECRET);
        assertThat(response.body()).contains("Jag förstod inte riktigt");
    }

    @Test
    void a_status_report_by_slack_is_kept_as_received_and_a_question_is_not() throws Exception {
        command("U05OWN0001", "status KS2024-002 2: bokat", now(), SECRET);
        command("U05OWN0001", "mina", now(), SECRET);

        try (java.sql.Connection connection = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             java.sql.ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT platform, sender_id, person_id, payload FROM chat_record ORDER BY id")) {
            assertThat(rows.next()).as("the report is kept").isTrue();
            assertThat(rows.getString("platform")).isEqualTo("SLACK");
            assertThat(rows.getString("sender_id")).isEqualTo("U05OWN0001");
            assertThat(rows.getLong("person_id")).isEqualTo(people.findByEmail("emma.berglund@ange.example").orElseThrow().id());
            assertThat(rows.getString("payload")).contains("user_id=U05OWN0001")
                    .contains("text=" + URLEncoder.encode("status KS2024-002 2: bokat", StandardCharsets.UTF_8));
            assertThat(rows.next()).as("a question is no record").isFalse();
        }
    }
}
