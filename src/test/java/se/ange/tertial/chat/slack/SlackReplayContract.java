package se.ange.tertial.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * Slack replay: the same signed request delivered twice while its signature is accepted is handled once,
 * remembered in the database (so on every instance), and timestamps too far ahead are refused like old ones.
 * Runs on H2 ({@code SlackReplayOnH2Test}) and PostgreSQL ({@code SlackReplayOnPostgresTest}).
 */
abstract class SlackReplayContract implements TestPropertyProvider {

    private static final String EMMA = "U05OWN0001"; // owner of KS2024-002
    private static final String MODAL = """
            {"type":"view_submission","team":{"id":"T1"},"api_app_id":"A1","token":"x","user":{"id":"U05OWN0001"},
             "view":{"id":"V1","type":"modal","callback_id":"report_comment",
               "private_metadata":"999|KS2024-002|2024-T1|PAGAENDE_ENLIGT_PLAN|D1|111.222",
               "state":{"values":{"comment":{"comment_input":{"type":"plain_text_input","value":"%s"}}}}}}""";

    private final WireMockServer slackApi = new WireMockServer(options().dynamicPort());

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ActivityCatalog catalog;

    private SignedSlack slack;

    @Override
    public Map<String, String> getProperties() {
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        Map<String, String> properties = new HashMap<>(Map.of("tertial.slack.signing-secret", SignedSlack.SECRET,
                "tertial.slack.bot-token", "test-bot-token", "tertial.slack.api-url", slackApi.baseUrl() + "/api/",
                "tertial.test.clock", "2024-03-28T06:00:00Z"));
        properties.putAll(database());
        return properties;
    }

    /** The database to run on: the test H2 by default. */
    protected Map<String, String> database() {
        return Map.of();
    }

    @AfterAll
    void stop() {
        slackApi.stop();
    }

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        transactions.executeWrite(status -> jdbc.prepareStatement("DELETE FROM slack_request_seen", s -> s.executeUpdate()));
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        slack = new SignedSlack(server);
        slackApi.resetRequests();
    }

    private boolean first(SlackReplay replay, String timestamp, String signature) {
        Boolean first = transactions.executeWrite(status -> replay.firstTime(timestamp, signature));
        return first;
    }

    private boolean remembered(String key) {
        Integer count = transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT COUNT(*) FROM slack_request_seen WHERE request_key = ?", s -> {
                    s.setString(1, key);
                    try (var result = s.executeQuery()) {
                        result.next();
                        return result.getInt(1);
                    }
                }));
        return count == 1;
    }

    private int reports() {
        return catalog.byRef("KS2024-002").orElseThrow().reports().size();
    }

    private int rows(String table) {
        Integer count = transactions.executeRead(status -> jdbc.prepareStatement("SELECT COUNT(*) FROM " + table, s -> {
            try (var result = s.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }));
        return count;
    }

    @Test
    void the_same_signed_status_command_delivered_twice_is_recorded_once() {
        String body = SignedSlack.command(EMMA, "status KS2024-002 2: första föreläsningen hölls");
        String timestamp = SignedSlack.now();
        String signature = SignedSlack.signature(timestamp, body);

        SignedSlack.Answer first = slack.send(body, MediaType.APPLICATION_FORM_URLENCODED, timestamp, signature);
        SignedSlack.Answer again = slack.send(body, MediaType.APPLICATION_FORM_URLENCODED, timestamp, signature);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Tack! Registrerat");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains(SlackEventsController.DUPLICATE).doesNotContain("Tack! Registrerat");
        assertThat(reports()).isEqualTo(1);
        assertThat(rows("chat_record")).isEqualTo(1);
        assertThat(rows("slack_request_seen")).isEqualTo(1);
    }

    @Test
    void the_same_signed_modal_submitted_twice_is_recorded_once() {
        String body = SignedSlack.interaction(MODAL.formatted("Första föreläsningen hölls 12 mars"));
        String timestamp = SignedSlack.now();
        String signature = SignedSlack.signature(timestamp, body);

        assertThat(slack.send(body, MediaType.APPLICATION_FORM_URLENCODED, timestamp, signature).status()).isEqualTo(200);
        assertThat(slack.send(body, MediaType.APPLICATION_FORM_URLENCODED, timestamp, signature).status()).isEqualTo(200);
        assertThat(slack.send(body, MediaType.APPLICATION_FORM_URLENCODED, timestamp, signature).status()).isEqualTo(200);

        assertThat(reports()).isEqualTo(1);
        assertThat(rows("chat_record")).isEqualTo(1);
        slackApi.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.update")));
    }

    @Test
    void the_same_words_sent_again_by_slack_with_a_new_signature_are_a_new_request() {
        String body = SignedSlack.command(EMMA, "status KS2024-002 2: första föreläsningen hölls");
        String earlier = String.valueOf(Instant.now().getEpochSecond() - 30);

        assertThat(slack.send(body, MediaType.APPLICATION_FORM_URLENCODED, earlier,
                SignedSlack.signature(earlier, body)).body()).contains("Tack! Registrerat");
        assertThat(slack.send(body, MediaType.APPLICATION_FORM_URLENCODED).body()).contains("Tack! Registrerat");

        assertThat(reports()).isEqualTo(2);
    }

    @Test
    void timestamps_more_than_five_minutes_ahead_are_refused_like_old_ones() {
        String body = SignedSlack.command(EMMA, "status KS2024-002 2: från framtiden");
        long now = Instant.now().getEpochSecond();
        for (long timestamp : new long[] {now + 6 * 60, now + 60 * 60, now + 365L * 24 * 3600, now - 6 * 60}) {
            String ts = String.valueOf(timestamp);
            assertThat(slack.send(body, MediaType.APPLICATION_FORM_URLENCODED, ts, SignedSlack.signature(ts, body)).status())
                    .as("timestamp %s, now %s", ts, now).isEqualTo(401);
        }
        for (String ts : new String[] {"", "abc", "1e9", "-1", String.valueOf(now) + "0", "99999999999999999999"}) {
            assertThat(slack.send(body, MediaType.APPLICATION_FORM_URLENCODED, ts, SignedSlack.signature(ts, body)).status())
                    .as("timestamp '%s'", ts).isEqualTo(401);
        }
        assertThat(reports()).isZero();
        assertThat(rows("chat_record")).isZero();

        // a clock a few minutes ahead of ours is still Slack
        String ahead = String.valueOf(now + 4 * 60);
        assertThat(slack.send(body, MediaType.APPLICATION_FORM_URLENCODED, ahead, SignedSlack.signature(ahead, body)).body())
                .contains("Tack! Registrerat");
        assertThat(reports()).isEqualTo(1);
    }

    @Test
    void what_was_handled_is_remembered_in_the_database_so_every_instance_knows_it() {
        String timestamp = SignedSlack.now();
        String signature = SignedSlack.signature(timestamp, "body");
        SlackReplay one = new SlackReplay(jdbc);
        SlackReplay other = new SlackReplay(jdbc); // another instance: nothing shared but the database

        assertThat(first(one, timestamp, signature)).isTrue();
        assertThat(first(other, timestamp, signature)).isFalse();
        assertThat(first(one, timestamp, signature)).isFalse();
        assertThat(rows("slack_request_seen")).isEqualTo(1);
    }

    @Test
    void what_was_handled_is_forgotten_once_its_window_is_over() {
        Instant now = Instant.now();
        SlackReplay then = new SlackReplay(jdbc, Clock.fixed(now, ZoneOffset.UTC));
        String old = String.valueOf(now.getEpochSecond());
        assertThat(first(then, old, "v0=old")).isTrue();
        assertThat(rows("slack_request_seen")).isEqualTo(1);

        // 5 minutes later the old request is still remembered ...
        SlackReplay soon = new SlackReplay(jdbc, Clock.fixed(now.plusSeconds(5 * 60), ZoneOffset.UTC));
        String recent = String.valueOf(now.getEpochSecond() + 5 * 60);
        assertThat(first(soon, recent, "v0=recent")).isTrue();
        assertThat(rows("slack_request_seen")).isEqualTo(2);

        // ... and pruned once no signature with its timestamp can be accepted any more
        SlackReplay later = new SlackReplay(jdbc, Clock.fixed(now.plusSeconds(8 * 60), ZoneOffset.UTC));
        String latest = String.valueOf(now.getEpochSecond() + 8 * 60);
        assertThat(first(later, latest, "v0=latest")).isTrue();
        assertThat(rows("slack_request_seen")).isEqualTo(2);
        assertThat(remembered(SlackReplay.key(old, "v0=old"))).isFalse();
        assertThat(remembered(SlackReplay.key(recent, "v0=recent"))).isTrue();
    }
}
