package se.ange.tertial.chat.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.followup.Language;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.OutboxState;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/** The Teams bot against local stubs of Bot Framework's keys, token endpoint and Bot Connector. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsBotTest implements TestPropertyProvider {

    private BotFrameworkStub microsoft;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    PersonRepository people;

    @Inject
    TeamsConversationRepository conversations;

    @Inject
    ActivityCatalog catalog;

    @Inject
    OutboxDelivery delivery;

    @Inject
    OutboxRepository outbox;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        microsoft = new BotFrameworkStub();
        Map<String, String> properties = new HashMap<>(microsoft.properties());
        properties.put("tertial.test.clock", "2024-03-28T06:00:00Z");
        properties.put("tertial.teams.channel-webhook-url", microsoft.server.baseUrl() + "/webhook/ange-stab");
        return properties;
    }

    @AfterAll
    void stop() {
        microsoft.stop();
    }

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        clock.set(java.time.Instant.parse("2024-03-28T06:00:00Z"));
        microsoft.server.resetRequests();
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    private HttpResponse<String> send(JsonNode activity, String authorization) {
        io.micronaut.http.MutableHttpRequest<String> request = HttpRequest.POST("/api/teams/messages", activity.toString())
                .contentType("application/json");
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus());
        }
    }

    private HttpResponse<String> send(JsonNode activity) {
        return send(activity, microsoft.bearer(clock.instant()));
    }

    private ObjectNode install(String userId, String aadObjectId) {
        ObjectNode update = BotFrameworkStub.activity("conversationUpdate", userId, aadObjectId, microsoft.serviceUrl());
        update.withArray("membersAdded").addObject().put("id", BotFrameworkStub.BOT_ID);
        assertThat(send(update).code()).isEqualTo(200);
        return update;
    }

    private ObjectNode message(String userId, String aadObjectId, String text) {
        return BotFrameworkStub.activity("message", userId, aadObjectId, microsoft.serviceUrl()).put("text", text);
    }

    @Test
    void installing_the_app_stores_the_conversation_reference_and_maps_the_person_once() {
        install("29:emma", "aad-emma");

        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        assertThat(emma.teamsUserId()).isEqualTo("aad-emma");
        assertThat(conversations.findById(emma.id())).hasValueSatisfying(reference -> {
            assertThat(reference.serviceUrl()).isEqualTo(microsoft.serviceUrl());
            assertThat(reference.conversationId()).isEqualTo("a:1on1-emma");
            assertThat(reference.tenantId()).isEqualTo(BotFrameworkStub.TENANT);
            assertThat(reference.aadObjectId()).isEqualTo("aad-emma");
        });
        assertThat(microsoft.posted("a:1on1-emma")).singleElement().asString()
                .contains("AdaptiveCard").contains("mina").contains("status");

        assertThat(send(message("29:emma", "aad-emma", "mina")).code()).isEqualTo(200);
        // the bot's own Connector token is fetched once and reused until it expires
        microsoft.server.verify(com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly(1),
                postRequestedFor(urlPathEqualTo("/token")));
        assertThat(microsoft.posted("a:1on1-emma")).hasSize(2);
        // known by the stored object id now: no second member lookup
        microsoft.server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathMatching("/teams/v3/conversations/.*/members/.*")));
    }

    @Test
    void requests_without_a_valid_bot_framework_token_are_refused_and_change_nothing() {
        ObjectNode update = BotFrameworkStub.activity("conversationUpdate", "29:emma", "aad-emma", microsoft.serviceUrl());
        update.withArray("membersAdded").addObject().put("id", BotFrameworkStub.BOT_ID);

        assertThat(send(update, null).code()).isEqualTo(401);
        assertThat(send(update, "Bearer not-a-jwt").code()).isEqualTo(401);
        assertThat(send(update, microsoft.bearer(clock.instant(), c -> c.audience("another-bot"))).code()).isEqualTo(401);
        assertThat(send(update, microsoft.bearer(clock.instant(), c -> c.claim(BotFrameworkTokens.SERVICE_URL_CLAIM, "https://evil.example/"))).code())
                .isEqualTo(401);
        assertThat(send(update, microsoft.bearer(clock.instant().minus(Duration.ofHours(3)))).code()).isEqualTo(401);

        assertThat(conversations.count()).isZero();
        assertThat(people.findByEmail("emma.berglund@ange.example").orElseThrow().teamsUserId()).isNull();
        microsoft.server.verify(0, postRequestedFor(urlPathMatching("/teams/.*")));
    }

    @Test
    void commands_go_through_the_command_core_and_are_answered_in_the_conversation() {
        assertThat(send(message("29:sara", "aad-sara", "<at>Tertial</at> försenade")).code()).isEqualTo(200);
        assertThat(send(message("29:emma", "aad-emma", "stauts KS2024-002")).code()).isEqualTo(200);
        assertThat(send(message("29:stranger", "aad-stranger", "mina")).code()).isEqualTo(200);

        assertThat(microsoft.posted("a:1on1-sara")).singleElement().asString()
                .contains("Försenade aktiviteter").contains("AdaptiveCard");
        assertThat(microsoft.posted("a:1on1-emma")).singleElement().asString().contains("Jag förstod inte riktigt");
        assertThat(microsoft.posted("a:1on1-stranger")).singleElement().asString().contains("register");
    }

    @Test
    void a_reminder_is_a_card_whose_save_records_the_status_and_updates_the_card_and_a_stale_card_changes_nothing()
            throws Exception {
        install("29:emma", "aad-emma");
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        people.update(emma.withPreferences(ReminderChannel.TEAMS, Language.SV));
        new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
        while (delivery.deliverOne()) {
            // deliver what is due
        }

        OutboxMessage reminder = outbox.findAllOrderById().stream()
                .filter(m -> m.kind() == MessageKind.REMINDER && m.recipientId().equals(emma.id())).findFirst().orElseThrow();
        assertThat(reminder.channel()).isEqualTo(ReminderChannel.TEAMS);
        assertThat(reminder.state()).isEqualTo(OutboxState.SENT);
        List<String> posted = microsoft.posted("a:1on1-emma");
        assertThat(posted).hasSize(2); // the welcome, then the reminder
        JsonNode card = TeamsCards.JSON_MAPPER.readTree(posted.get(1)).path("attachments").get(0);
        assertThat(card.path("contentType").asText()).isEqualTo(TeamsCards.CARD_TYPE);
        assertThat(card.path("content").toString()).contains("KS2024-002").contains("KS2024-004")
                .contains("Input.ChoiceSet").contains("Pågående enligt plan").contains("Action.Execute");

        // Action.Execute: Teams sends an invoke and shows the card we answer with
        HttpResponse<String> saved = send(save("invoke", reminder.id(), "KS2024-002", "PAGAENDE_ENLIGT_PLAN", "bokat"));
        assertThat(saved.code()).isEqualTo(200);
        JsonNode answer = TeamsCards.JSON_MAPPER.readTree(saved.body());
        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("value").toString()).contains("Registrerat: ▶ Pågående enligt plan – bokat");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).singleElement().satisfies(report -> {
            assertThat(report.channel().name()).isEqualTo("TEAMS");
            assertThat(report.reportedBy()).isEqualTo("emma.berglund@ange.example");
            assertThat(report.comment()).isEqualTo("bokat");
        });

        // the same (now stale) card saved again: the newer report is not overwritten, the user is told
        HttpResponse<String> stale = send(save("invoke", reminder.id(), "KS2024-002", "VANTELAGE", "gammalt kort"));
        assertThat(TeamsCards.JSON_MAPPER.readTree(stale.body()).path("value").toString())
                .contains("rapporterades").contains("inget ändrades");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).hasSize(1);

        // Action.Submit from older clients: a message carrying the data; the card is replaced through the Connector
        ObjectNode submit = save("message", reminder.id(), "KS2024-004", "VANTELAGE", "väntar på budget");
        submit.put("replyToId", "posted-1");
        assertThat(send(submit).code()).isEqualTo(200);
        assertThat(catalog.byRef("KS2024-004").orElseThrow().reports()).singleElement()
                .satisfies(report -> assertThat(report.status().name()).isEqualTo("VANTELAGE"));
        microsoft.server.verify(1, putRequestedFor(urlPathEqualTo("/teams/v3/conversations/a%3A1on1-emma/activities/posted-1")));
    }

    private ObjectNode save(String type, long messageId, String ref, String status, String comment) {
        ObjectNode activity = BotFrameworkStub.activity(type, "29:emma", "aad-emma", microsoft.serviceUrl());
        ObjectNode data = TeamsCards.JSON_MAPPER.createObjectNode().put("tertial", "report").put("messageId", messageId)
                .put("ref", ref).put("period", "2024-T1").put("seen", 0)
                .put(TeamsCards.statusInput(ref), status).put(TeamsCards.commentInput(ref), comment);
        if (type.equals("invoke")) {
            activity.put("name", "adaptiveCard/action");
            activity.putObject("value").putObject("action").put("type", "Action.Execute").put("verb", "report")
                    .set("data", data);
        } else {
            activity.set("value", data);
        }
        return activity;
    }

    @Test
    void a_throttled_connector_is_retried_after_its_retry_after_and_the_reminder_is_sent_once() {
        install("29:emma", "aad-emma");
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        people.update(emma.withPreferences(ReminderChannel.TEAMS, Language.SV));
        microsoft.server.resetRequests();
        var throttled = microsoft.server.stubFor(post(urlPathMatching("/teams/v3/conversations/a%3A1on1-emma/activities")).atPriority(1)
                .inScenario("throttled").whenScenarioStateIs(STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        var calm = microsoft.server.stubFor(post(urlPathMatching("/teams/v3/conversations/a%3A1on1-emma/activities")).atPriority(1)
                .inScenario("throttled").whenScenarioStateIs("calm").willReturn(okJson("{\"id\":\"card-1\"}")));
        try {
            new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
            while (delivery.deliverOne()) {
                // first attempt: 429
            }
            OutboxMessage reminder = outbox.findAllOrderById().stream()
                    .filter(m -> m.kind() == MessageKind.REMINDER && m.recipientId().equals(emma.id())).findFirst().orElseThrow();
            assertThat(reminder.state()).isEqualTo(OutboxState.PENDING);
            assertThat(reminder.lastError()).contains("429");
            assertThat(reminder.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(120));

            clock.tick(Duration.ofSeconds(70)); // the back-off alone (1 min) would try again now
            assertThat(delivery.deliverOne()).as("not before Retry-After").isFalse();
            clock.tick(Duration.ofSeconds(55));
            while (delivery.deliverOne()) {
                // second attempt: accepted
            }
            assertThat(outbox.findById(reminder.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
            microsoft.server.verify(2, postRequestedFor(urlPathEqualTo("/teams/v3/conversations/a%3A1on1-emma/activities")));
        } finally {
            microsoft.server.removeStub(throttled);
            microsoft.server.removeStub(calm);
        }
    }

    @Test
    void stab_posts_a_summary_to_the_teams_channel_as_an_adaptive_card() {
        microsoft.server.stubFor(post(urlPathEqualTo("/webhook/ange-stab")).willReturn(aResponse().withStatus(202)));
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        Api stab = admin.withNewToken("stab-sara", "STAB", "sara.lindqvist@ange.example");
        clock.set(java.time.Instant.parse("2024-09-10T06:00:00Z"));

        HttpResponse<java.util.Map> posted = stab.exchange(HttpRequest.POST("/api/teams/channel-posts?command=f%C3%B6rsenade", ""));
        assertThat(posted.code()).isEqualTo(200);
        assertThat((String) se.ange.tertial.support.Api.body(posted).get("heading")).startsWith("Försenade aktiviteter 10 september");
        List<String> bodies = microsoft.server.findAll(postRequestedFor(urlPathEqualTo("/webhook/ange-stab"))).stream()
                .map(com.github.tomakehurst.wiremock.verification.LoggedRequest::getBodyAsString).toList();
        assertThat(bodies).singleElement().asString().contains("\"contentType\":\"" + TeamsCards.CARD_TYPE + "\"")
                .contains("Försenade aktiviteter").contains("AdaptiveCard");

        // only summaries, only stab and admin, and a refusing webhook is reported, not swallowed
        assertThat(stab.exchange(HttpRequest.POST("/api/teams/channel-posts?command=status%20KS2024-002%202", "")).code())
                .isEqualTo(422);
        Api owner = admin.withNewToken("emma", "OWNER", "emma.berglund@ange.example");
        assertThat(owner.exchange(HttpRequest.POST("/api/teams/channel-posts?command=avvikelser", "")).code())
                .isEqualTo(403);
        microsoft.server.stubFor(post(urlPathEqualTo("/webhook/ange-stab")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "60")));
        assertThat(stab.exchange(HttpRequest.POST("/api/teams/channel-posts?command=avvikelser", "")).code())
                .isEqualTo(502);
    }

    @Test
    void joins_in_a_team_channel_are_neither_remembered_nor_greeted() {
        ObjectNode update = BotFrameworkStub.activity("conversationUpdate", "29:emma", "aad-emma", microsoft.serviceUrl());
        update.with("conversation").put("conversationType", "channel").put("id", "19:stab-channel");
        update.withArray("membersAdded").addObject().put("id", "29:emma").put("aadObjectId", "aad-emma");
        update.withArray("membersAdded").addObject().put("id", BotFrameworkStub.BOT_ID);

        assertThat(send(update).code()).isEqualTo(200);

        assertThat(conversations.count()).isZero();
        microsoft.server.verify(0, postRequestedFor(urlPathMatching("/teams/v3/conversations/.*")));
    }

    @Test
    void an_answer_asked_for_in_a_channel_goes_to_the_askers_own_chat() {
        install("29:sara", "aad-sara");
        ObjectNode question = message("29:sara", "aad-sara", "<at>Tertial</at> avvikelser");
        question.with("conversation").put("conversationType", "channel").put("id", "19:stab-channel");

        assertThat(send(question).code()).isEqualTo(200);

        assertThat(microsoft.posted("19:stab-channel")).singleElement().asString()
                .contains("Svaret finns i din chatt med Tertial").doesNotContain("KS2024-");
        assertThat(microsoft.posted("a:1on1-sara")).hasSize(2).last().asString().contains("Avvikelser");
    }

    @Test
    void activities_from_another_tenant_and_people_claiming_someone_elses_email_get_nothing() {
        ObjectNode foreign = message("29:emma", "aad-emma", "mina");
        foreign.with("channelData").with("tenant").put("id", "another-tenant");
        assertThat(send(foreign).code()).isEqualTo(403);

        assertThat(send(message("29:mallory", "aad-mallory", "försenade")).code()).isEqualTo(200);
        assertThat(microsoft.posted("a:1on1-mallory")).singleElement().asString().contains("register")
                .doesNotContain("Försenade aktiviteter");
        assertThat(people.findByEmail("johan.nordin@ange.example").orElseThrow().teamsUserId()).isNull();

        // a person already linked to another Teams account is not taken over
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        people.update(emma.withTeamsUserId("aad-emma-old"));
        assertThat(send(message("29:emma", "aad-emma", "mina")).code()).isEqualTo(200);
        assertThat(people.findByEmail("emma.berglund@ange.example").orElseThrow().teamsUserId()).isEqualTo("aad-emma-old");
        assertThat(microsoft.posted("a:1on1-emma")).singleElement().asString().contains("register");
    }

    @Test
    void a_card_can_only_be_saved_by_the_person_it_was_sent_to_and_user_text_is_never_markdown() throws Exception {
        install("29:emma", "aad-emma");
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        people.update(emma.withPreferences(ReminderChannel.TEAMS, Language.SV));
        new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
        while (delivery.deliverOne()) {
            // deliver the reminder card
        }
        OutboxMessage reminder = outbox.findAllOrderById().stream()
                .filter(m -> m.kind() == MessageKind.REMINDER && m.recipientId().equals(emma.id())).findFirst().orElseThrow();

        // Ahmed replays Emma's card data: he sees help, nothing of her reminder, and nothing is recorded
        ObjectNode forged = save("invoke", reminder.id(), "KS2024-002", "AVSLUTAD_ENLIGT_PLAN", "klart");
        forged.put("from", (String) null);
        forged.putObject("from").put("id", "29:ahmed").put("aadObjectId", "aad-ahmed");
        forged.with("conversation").put("id", "a:1on1-ahmed");
        HttpResponse<String> refused = send(forged);
        assertThat(refused.body()).doesNotContain("KS2024-002");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).isEmpty();

        // Emma's own card cannot carry a report on someone else's activity
        HttpResponse<String> other = send(save("invoke", reminder.id(), "KS2024-001", "AVSLUTAD_ENLIGT_PLAN", "x"));
        assertThat(other.body()).contains("Du får inte rapportera för KS2024-001");
        assertThat(catalog.byRef("KS2024-001").orElseThrow().reports()).isEmpty();

        HttpResponse<String> saved = send(save("invoke", reminder.id(), "KS2024-002", "PAGAENDE_ENLIGT_PLAN",
                "[Logga in](https://evil.example)"));
        JsonNode card = TeamsCards.JSON_MAPPER.readTree(saved.body()).path("value");
        assertThat(card.toString()).contains("[Logga in](https://evil.example)").doesNotContain("\"TextBlock\"");
    }

    @Test
    void a_card_teams_refuses_for_good_goes_by_email_instead() throws Exception {
        install("29:emma", "aad-emma");
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        people.update(emma.withPreferences(ReminderChannel.TEAMS, Language.SV));
        var tooBig = microsoft.server.stubFor(post(urlPathMatching("/teams/v3/conversations/a%3A1on1-emma/activities"))
                .atPriority(1).willReturn(aResponse().withStatus(413)));
        java.nio.file.Path mails = java.nio.file.Path.of("target/test-data/outbox");
        try {
            new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
            OutboxMessage reminder = outbox.findAllOrderById().stream()
                    .filter(m -> m.kind() == MessageKind.REMINDER && m.recipientId().equals(emma.id())).findFirst().orElseThrow();
            while (delivery.deliverOne()) {
                // Teams says 413; the reminder goes by e-mail (written to a file: no SMTP server in this test)
            }
            assertThat(outbox.findById(reminder.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
            assertThat(java.nio.file.Files.readString(mails.resolve("reminder-" + reminder.id() + ".eml")))
                    .contains("emma.berglund@ange.example");
        } finally {
            microsoft.server.removeStub(tooBig);
        }
    }

    @Test
    void a_digest_too_long_for_a_chat_message_goes_by_email() throws Exception {
        install("29:emma", "aad-emma");
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        microsoft.server.resetRequests();
        OutboxMessage digest = outbox.save(OutboxMessage.prepared(emma.id(), ReminderChannel.TEAMS, MessageKind.DIGEST,
                "DIGEST/test", "Veckans avvikelser", "KS2024-002 försenad\n".repeat(1000), "<p>…</p>",
                java.time.LocalDate.parse("2024-03-28"), clock.instant()));
        OutboxMessage short_ = outbox.save(OutboxMessage.prepared(emma.id(), ReminderChannel.TEAMS, MessageKind.DIGEST,
                "DIGEST/test-short", "Veckans avvikelser", "KS2024-002 försenad", null,
                java.time.LocalDate.parse("2024-03-28"), clock.instant()));

        while (delivery.deliverOne()) {
            // deliver both
        }

        assertThat(java.nio.file.Path.of("target/test-data/outbox/digest-" + digest.id() + ".eml")).exists();
        assertThat(java.nio.file.Path.of("target/test-data/outbox/digest-" + short_.id() + ".eml")).doesNotExist();
        assertThat(microsoft.posted("a:1on1-emma")).singleElement().asString().contains("KS2024-002 försenad");
    }

    private ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> listen() {
        var log = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        log.start();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("se.ange.tertial.chat.teams")).addAppender(log);
        return log;
    }

    private void stopListening(ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log) {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("se.ange.tertial.chat.teams")).detachAppender(log);
    }

    @Test
    void a_token_microsoft_refuses_is_no_500_and_the_log_names_the_cause() {
        // a fresh token is needed (the cached one has expired) and the token endpoint refuses our secret
        clock.set(java.time.Instant.parse("2024-03-28T09:00:00Z"));
        var refused = microsoft.server.stubFor(post(urlPathEqualTo("/token")).atPriority(1)
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));
        var log = listen();
        try {
            HttpResponse<String> answer = send(message("29:emma", "aad-emma", "mina"));
            assertThat(answer.code()).isEqualTo(200);
            assertThat(String.valueOf(answer.body())).doesNotContain("Exception").doesNotContain("token endpoint");
            assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("could not be answered")
                    .contains("the token endpoint answered 401"));
        } finally {
            stopListening(log);
            microsoft.server.removeStub(refused);
        }
    }

    @Test
    void an_unreachable_connector_is_no_500_and_the_log_names_the_cause() {
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        people.update(emma.withTeamsUserId("aad-emma"));
        var unreachable = microsoft.server.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities")).atPriority(1)
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        var log = listen();
        try {
            HttpResponse<String> answer = send(message("29:emma", "aad-emma", "status KS2024-002 2: första föreläsningen hölls"));
            assertThat(answer.code()).isEqualTo(200);
            assertThat(String.valueOf(answer.body())).doesNotContain("Exception").doesNotContain("Connection reset");
            assertThat(log.list).anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).contains("could not be answered");
                assertThat(e.getThrowableProxy()).isNotNull();
            });
        } finally {
            stopListening(log);
            microsoft.server.removeStub(unreachable);
        }
    }

    @Test
    void an_answer_card_the_connector_refuses_is_followed_by_a_short_swedish_message() {
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        people.update(emma.withTeamsUserId("aad-emma"));
        var cardRefused = microsoft.server.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities")).atPriority(1)
                .withRequestBody(containing("AdaptiveCard")).willReturn(aResponse().withStatus(502)));
        try {
            assertThat(send(message("29:emma", "aad-emma", "mina")).code()).isEqualTo(200);
            assertThat(microsoft.posted("a:1on1-emma")).last().satisfies(body -> assertThat(body)
                    .contains("Tertial får inte kontakt med Teams just nu. Försök igen om en stund.")
                    .doesNotContain("502"));
        } finally {
            microsoft.server.removeStub(cardRefused);
        }
    }

    @Test
    void a_card_saved_with_a_deviation_and_no_comment_asks_for_the_comment_and_records_nothing() throws Exception {
        install("29:emma", "aad-emma");
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        people.update(emma.withPreferences(ReminderChannel.TEAMS, Language.SV));
        new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
        while (delivery.deliverOne()) {
            // deliver the reminder card
        }
        OutboxMessage reminder = outbox.findAllOrderById().stream()
                .filter(m -> m.kind() == MessageKind.REMINDER && m.recipientId().equals(emma.id())).findFirst().orElseThrow();

        HttpResponse<String> saved = send(save("invoke", reminder.id(), "KS2024-002", "PAGAENDE_MED_AVVIKELSE", " "));
        assertThat(TeamsCards.JSON_MAPPER.readTree(saved.body()).path("value").toString())
                .contains("Skriv vad som avviker och vad som händer nu för KS2024-002, och spara igen.");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).isEmpty();
    }
}
