package se.ange.tertial.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.app_backend.SlackSignature;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.followup.Language;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/** Reminder → Slack DM → status chosen → comment modal → status stored → DM updated, against a Slack stub. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class SlackRemindersTest implements TestPropertyProvider {

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

    @Inject
    OutboxDelivery delivery;

    @Inject
    se.ange.tertial.notify.OutboxRepository outbox;

    @Override
    public Map<String, String> getProperties() {
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/users.lookupByEmail")).willReturn(okJson(
                "{\"ok\":true,\"user\":{\"id\":\"U05OWN0001\"}}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"D1\",\"ts\":\"111.222\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(containing("U05OWN0002"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/views.open")).willReturn(okJson("{\"ok\":true}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        return Map.of("tertial.slack.signing-secret", SECRET, "tertial.slack.bot-token", "test-bot-token",
                "tertial.slack.api-url", slackApi.baseUrl() + "/api/", "tertial.test.clock", "2024-03-28T06:00:00Z");
    }

    @AfterAll
    void stop() {
        slackApi.stop();
    }

    private HttpResponse<String> interaction(String json) {
        String body = "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        return client.toBlocking().exchange(HttpRequest.POST("/slack/events", body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(String.valueOf(timestamp), body)),
                String.class);
    }

    private static String form(LoggedRequest request, String field) {
        for (String pair : request.getBodyAsString().split("&")) {
            if (pair.startsWith(field + "=")) {
                return URLDecoder.decode(pair.substring(field.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Test
    void a_reminder_in_slack_is_answered_with_a_select_and_a_modal_and_the_dm_shows_what_was_recorded() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        var emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        people.update(emma.withSlackUserId(null).withPreferences(ReminderChannel.SLACK, Language.SV));
        var ahmed = people.findByEmail("ahmed.karimi@ange.example").orElseThrow();
        people.update(ahmed.withPreferences(ReminderChannel.SLACK, Language.SV));

        admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
        while (delivery.deliverOne()) {
            // deliver everything due
        }

        // Emma: found once by e-mail, stored, sent a DM with a status select per activity
        assertThat(people.findByEmail("emma.berglund@ange.example").orElseThrow().slackUserId()).isEqualTo("U05OWN0001");
        LoggedRequest dm = slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).stream()
                .filter(r -> form(r, "channel").equals("U05OWN0001")).findFirst().orElseThrow();
        String blocks = form(dm, "blocks");
        assertThat(blocks).contains("KS2024-002").contains("report_status").contains("Pågående enligt plan");
        // Ahmed: Slack said 429; the message waits in the outbox to be retried
        List<Map> outbox = admin.retrieve("/api/outbox", Argument.listOf(Map.class));
        Map emmasMessage = outbox.stream().filter(m -> m.get("recipientId").equals(emma.id().intValue())).findFirst().orElseThrow();
        assertThat(emmasMessage).containsEntry("state", "SENT").containsEntry("channel", "SLACK");
        assertThat(outbox).filteredOn(m -> m.get("recipientId").equals(ahmed.id().intValue())).singleElement()
                .satisfies(m -> {
                    assertThat(m).containsEntry("state", "PENDING");
                    assertThat((String) m.get("lastError")).contains("429").contains("retry after 30");
                });

        String choice = emmasMessage.get("id") + "|KS2024-002|2024-T1|PAGAENDE_ENLIGT_PLAN";
        HttpResponse<String> chosen = interaction("""
                {"type":"block_actions","team":{"id":"T1"},"api_app_id":"A1","token":"x","trigger_id":"trigger-1",
                 "user":{"id":"U05OWN0001"},"container":{"type":"message","channel_id":"D1","message_ts":"111.222"},
                 "actions":[{"type":"static_select","action_id":"report_status","block_id":"activity-KS2024-002",
                   "selected_option":{"text":{"type":"plain_text","text":"2 Pågående enligt plan"},"value":"%s"},
                   "action_ts":"1"}]}""".formatted(choice));
        assertThat(chosen.code()).isEqualTo(200);
        LoggedRequest modal = slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/views.open"))).get(0);
        assertThat(form(modal, "trigger_id")).isEqualTo("trigger-1");
        assertThat(form(modal, "view")).contains("report_comment").contains(choice + "|D1|111.222");

        HttpResponse<String> submitted = interaction("""
                {"type":"view_submission","team":{"id":"T1"},"api_app_id":"A1","token":"x","user":{"id":"U05OWN0001"},
                 "view":{"id":"V1","type":"modal","callback_id":"report_comment","private_metadata":"%s|D1|111.222",
                   "state":{"values":{"comment":{"comment_input":{"type":"plain_text_input",
                   "value":"Första föreläsningen hölls 12 mars"}}}}}}""".formatted(choice));
        assertThat(submitted.code()).isEqualTo(200);

        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).singleElement().satisfies(report -> {
            assertThat(report.channel().name()).isEqualTo("SLACK");
            assertThat(report.status().name()).isEqualTo("PAGAENDE_ENLIGT_PLAN");
            assertThat(report.comment()).isEqualTo("Första föreläsningen hölls 12 mars");
            assertThat(report.reportedBy()).isEqualTo("emma.berglund@ange.example");
        });
        LoggedRequest update = slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.update"))).get(0);
        assertThat(form(update, "ts")).isEqualTo("111.222");
        assertThat(form(update, "blocks")).contains("Registrerat: ▶ Pågående enligt plan – Första föreläsningen hölls 12 mars");
    }

    @Test
    void a_digest_for_someone_who_chose_slack_arrives_as_a_dm_with_its_text() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        var johan = people.findByEmail("johan.nordin@ange.example").orElseThrow();
        people.update(johan.withPreferences(ReminderChannel.SLACK, Language.SV));
        slackApi.resetRequests();
        outbox.save(se.ange.tertial.notify.OutboxMessage.prepared(johan.id(), ReminderChannel.SLACK,
                se.ange.tertial.notify.MessageKind.DIGEST, "DIGEST/slack-test", "Veckans avvikelser 3 juni 2024",
                "KS2024-031 <Öppna ungdomsgårdar> & mer", "<p>html</p>", java.time.LocalDate.parse("2024-03-28"),
                Instant.parse("2024-03-28T06:00:00Z")));

        while (delivery.deliverOne()) {
            // deliver the digest
        }

        LoggedRequest dm = slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).get(0);
        assertThat(form(dm, "channel")).isEqualTo("U05MGR0001");
        assertThat(form(dm, "text")).contains("*Veckans avvikelser 3 juni 2024*")
                .contains("KS2024-031 &lt;Öppna ungdomsgårdar&gt; &amp; mer");
        assertThat(form(dm, "blocks")).isEmpty();
    }
}
