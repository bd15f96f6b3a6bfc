package se.ange.tertial.chat.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
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
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.register.org.PersonAbsenceRepository;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/**
 * Reminder cards saved by a deputy or without a status, the Connector's 401 and 404, chat records of
 * Teams reports, and a Teams endpoint without a tenant; against the local Bot Framework stub.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsCardsAndConnectorTest implements TestPropertyProvider {

    private static final String EMMA_CHAT = "/teams/v3/conversations/a%3A1on1-emma/activities";
    private BotFrameworkStub microsoft;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    PersonRepository people;

    @Inject
    PersonAbsenceRepository absences;

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
        return properties;
    }

    @AfterAll
    void stop() {
        microsoft.stop();
    }

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        clock.set(Instant.parse("2024-03-28T06:00:00Z"));
        microsoft.server.resetRequests();
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    private HttpResponse<String> send(JsonNode activity) {
        HttpRequest<String> request = HttpRequest.POST("/api/teams/messages", activity.toString())
                .contentType("application/json").header("Authorization", microsoft.bearer(clock.instant()));
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus());
        }
    }

    /** Emma installs the app, chooses Teams, and gets the 2024-03-28 reminder card. */
    private OutboxMessage emmasReminderCard() {
        ObjectNode update = BotFrameworkStub.activity("conversationUpdate", "29:emma", "aad-emma", microsoft.serviceUrl());
        update.withArray("membersAdded").addObject().put("id", BotFrameworkStub.BOT_ID);
        assertThat(send(update).code()).isEqualTo(200);
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        people.update(emma.withPreferences(ReminderChannel.TEAMS, Language.SV));
        new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
        return outbox.findAllOrderById().stream()
                .filter(m -> m.kind() == MessageKind.REMINDER && m.recipientId().equals(emma.id())).findFirst().orElseThrow();
    }

    private ObjectNode save(String userId, String aadObjectId, long messageId, String ref, String status, String comment) {
        ObjectNode activity = BotFrameworkStub.activity("invoke", userId, aadObjectId, microsoft.serviceUrl());
        ObjectNode data = TeamsCards.JSON_MAPPER.createObjectNode().put("tertial", "report").put("messageId", messageId)
                .put("ref", ref).put("period", "2024-T1").put("seen", 0).put(TeamsCards.commentInput(ref), comment);
        if (status != null) {
            data.put(TeamsCards.statusInput(ref), status);
        }
        activity.put("name", "adaptiveCard/action");
        activity.putObject("value").putObject("action").put("type", "Action.Execute").put("verb", "report").set("data", data);
        return activity;
    }

    @Test
    void a_deputy_saves_the_absent_owners_card_and_the_report_is_theirs() {
        OutboxMessage card = emmasReminderCard();
        while (delivery.deliverOne()) {
            // the card goes to Emma
        }
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        Person ahmed = people.findByEmail("ahmed.karimi@ange.example").orElseThrow();
        people.update(emma.withDeputy(ahmed.id()));
        absences.save(new PersonAbsence(null, emma.id(), LocalDate.parse("2024-03-27"), LocalDate.parse("2024-04-05")));

        HttpResponse<String> saved = send(save("29:ahmed", "aad-ahmed", card.id(), "KS2024-002", "PAGAENDE_ENLIGT_PLAN",
                "Emma är borta, kursen är bokad"));

        assertThat(saved.code()).isEqualTo(200);
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).singleElement().satisfies(report -> {
            assertThat(report.reportedBy()).isEqualTo("ahmed.karimi@ange.example");
            assertThat(report.channel().name()).isEqualTo("TEAMS");
            assertThat(report.comment()).isEqualTo("Emma är borta, kursen är bokad");
        });
    }

    @Test
    void a_card_saved_without_a_status_asks_for_one_and_records_nothing() throws Exception {
        OutboxMessage card = emmasReminderCard();

        HttpResponse<String> answer = send(save("29:emma", "aad-emma", card.id(), "KS2024-002", null, "bokat"));

        assertThat(TeamsCards.JSON_MAPPER.readTree(answer.body()).path("value").toString())
                .contains("Välj en status för KS2024-002 först.");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).isEmpty();
    }

    @Test
    void an_invoke_is_answered_with_the_card_and_never_replaced_through_the_connector() throws Exception {
        OutboxMessage card = emmasReminderCard();
        ObjectNode invoke = save("29:emma", "aad-emma", card.id(), "KS2024-002", "PAGAENDE_ENLIGT_PLAN", "bokat");
        invoke.put("replyToId", "posted-1");

        HttpResponse<String> saved = send(invoke);

        assertThat(TeamsCards.JSON_MAPPER.readTree(saved.body()).path("value").toString()).contains("KS2024-002");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).hasSize(1);
        microsoft.server.verify(0, putRequestedFor(urlPathMatching("/teams/.*")));
    }

    @Test
    void a_status_report_by_teams_is_kept_as_received_and_a_question_is_not() throws Exception {
        ObjectNode report = BotFrameworkStub.activity("message", "29:emma", "aad-emma", microsoft.serviceUrl())
                .put("text", "status KS2024-002 2: bokat");
        send(report);
        send(BotFrameworkStub.activity("message", "29:emma", "aad-emma", microsoft.serviceUrl()).put("text", "mina"));

        try (Connection connection = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT platform, sender_id, person_id, payload FROM chat_record ORDER BY id")) {
            assertThat(rows.next()).as("the report is kept").isTrue();
            assertThat(rows.getString("platform")).isEqualTo("TEAMS");
            assertThat(rows.getString("sender_id")).isEqualTo("29:emma");
            assertThat(rows.getLong("person_id")).isEqualTo(people.findByEmail("emma.berglund@ange.example").orElseThrow().id());
            assertThat(TeamsCards.JSON_MAPPER.readTree(rows.getString("payload"))).isEqualTo(report);
            assertThat(rows.next()).as("a question is no record").isFalse();
        }
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).singleElement()
                .satisfies(r -> assertThat(r.comment()).isEqualTo("bokat"));
    }

    @Test
    void a_connector_401_drops_the_bots_token_and_the_retry_gets_a_new_one() {
        OutboxMessage card = emmasReminderCard();
        microsoft.server.resetRequests();
        var refused = microsoft.server.stubFor(post(urlPathEqualTo(EMMA_CHAT)).atPriority(1).inScenario("token")
                .whenScenarioStateIs(STARTED).willSetStateTo("renewed").willReturn(aResponse().withStatus(401)));
        var accepted = microsoft.server.stubFor(post(urlPathEqualTo(EMMA_CHAT)).atPriority(1).inScenario("token")
                .whenScenarioStateIs("renewed").willReturn(okJson("{\"id\":\"card-1\"}")));
        try {
            while (delivery.deliverOne()) {
                // the first attempt: 401
            }
            assertThat(outbox.findById(card.id()).orElseThrow()).satisfies(m -> {
                assertThat(m.state()).isEqualTo(OutboxState.PENDING);
                assertThat(m.lastError()).contains("401");
            });
            microsoft.server.verify(0, postRequestedFor(urlPathEqualTo("/token")));

            clock.tick(Duration.ofMinutes(10));
            while (delivery.deliverOne()) {
                // the retry, with a token fetched anew
            }
            assertThat(outbox.findById(card.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
            microsoft.server.verify(1, postRequestedFor(urlPathEqualTo("/token")));
            microsoft.server.verify(2, postRequestedFor(urlPathEqualTo(EMMA_CHAT)));
        } finally {
            microsoft.server.removeStub(refused);
            microsoft.server.removeStub(accepted);
        }
    }

    @Test
    void a_conversation_teams_no_longer_knows_404_sends_the_reminder_by_email_at_once() throws Exception {
        OutboxMessage card = emmasReminderCard();
        microsoft.server.resetRequests(); // the welcome went to the same chat
        var gone = microsoft.server.stubFor(post(urlPathEqualTo(EMMA_CHAT)).atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        try {
            while (delivery.deliverOne()) {
                // Teams says 404: e-mail instead (written to a file: no SMTP server in this test)
            }
            assertThat(outbox.findById(card.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
            assertThat(Files.readString(Path.of("target/test-data/outbox/reminder-" + card.id() + ".eml")))
                    .contains("emma.berglund@ange.example");
            microsoft.server.verify(1, postRequestedFor(urlPathEqualTo(EMMA_CHAT)));
        } finally {
            microsoft.server.removeStub(gone);
        }
    }

    @Test
    void without_a_tenant_configured_every_activity_is_refused() {
        Map<String, Object> properties = new HashMap<>(microsoft.properties());
        properties.put("tertial.teams.tenant-id", "");
        try (EmbeddedServer blank = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient http = HttpClient.create(blank.getURL())) {
            microsoft.server.resetRequests();
            ObjectNode fromOurTenant = BotFrameworkStub.activity("message", "29:emma", "aad-emma", microsoft.serviceUrl())
                    .put("text", "mina");
            ObjectNode withBlankTenant = fromOurTenant.deepCopy();
            withBlankTenant.with("channelData").with("tenant").put("id", "");

            assertThat(status(http, fromOurTenant)).isEqualTo(403);
            assertThat(status(http, withBlankTenant)).as("a blank tenant matches no blank setting").isEqualTo(403);
            microsoft.server.verify(0, postRequestedFor(urlPathMatching("/teams/.*")));
        }
    }

    private int status(HttpClient http, ObjectNode activity) {
        HttpRequest<String> request = HttpRequest.POST("/api/teams/messages", activity.toString())
                .contentType("application/json").header("Authorization", microsoft.bearer(Instant.now()));
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
