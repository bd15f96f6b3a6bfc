package se.ange.tertial.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MailServer;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/**
 * The weekly digest over simulated weeks of 2024: managers see their department's deviations with what
 * is new and what was resolved, stab the whole municipality, each once a week, by e-mail with HTML.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class WeeklyDigestContract implements TestPropertyProvider {

    private static final String JOHAN = "johan.nordin@ange.example";      // manager, Staben
    private static final String MARIA = "maria.sjoberg@ange.example";          // manager, Socialavdelningen
    private static final String SARA = "sara.lindqvist@ange.example";     // stab

    /** The demo register's five managers and one stab member. */
    private static final int MANAGERS_AND_STAB = 6;

    private MailServer smtp;
    private final com.github.tomakehurst.wiremock.WireMockServer teamsChannel = new com.github.tomakehurst.wiremock.WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxDelivery delivery;

    @Inject
    PersonRepository people;

    private Api admin;
    private Api stab;

    @Override
    public Map<String, String> getProperties() {
        smtp = MailServer.smtp();
        Map<String, String> properties = smtp.properties();
        properties.put("tertial.test.clock", "2024-03-25T05:00:00Z");
        teamsChannel.start();
        teamsChannel.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/webhook/stab")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(202)));
        properties.put("tertial.teams.channel-webhook-url", teamsChannel.baseUrl() + "/webhook/stab");
        properties.put("tertial.digest.teams-channel", "true");
        properties.putAll(database());
        return properties;
    }

    /** The database to run on: the test H2 by default. */
    protected Map<String, String> database() {
        return Map.of();
    }

    @AfterAll
    void stop() {
        smtp.stop();
        teamsChannel.stop();
    }

    @BeforeEach
    void register() throws Exception {
        TestDatabase.clear(dataSource);
        smtp.greenMail.purgeEmailFromAllMailboxes();
        clock.set(Instant.parse("2024-03-25T05:00:00Z"));
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        stab = admin.withNewToken("stab", "STAB", SARA);
        stab.postCsv("/api/import/activities", Fixtures.plan2024());
    }

    private Map run(String day) {
        clock.set(LocalDate.parse(day).atTime(5, 30).toInstant(java.time.ZoneOffset.UTC));
        return body(admin.exchange(HttpRequest.POST("/api/digests/run?on=" + day, "")));
    }

    private Map preview(Api as, String manager, String day) {
        return body(as.get("/api/digests/preview?manager=" + manager + "&on=" + day));
    }

    private List<Map> lines(Map prepared) {
        return ((List<Map>) ((Map) prepared.get("digest")).get("goals")).stream()
                .flatMap(goal -> ((List<Map>) goal.get("lines")).stream()).toList();
    }

    private void report(String ref, String status, String comment) {
        HttpResponse<Map> response = stab.postJson("/api/activities/" + ref + "/reports",
                Map.of("tertial", "2024-T1", "status", status, "comment", comment));
        assertThat(response.code()).isEqualTo(201);
    }

    private List<OutboxMessage> digestsTo(String email) {
        Long id = people.findByEmail(email).orElseThrow().id();
        return outbox.findAllOrderById().stream()
                .filter(m -> m.kind() == MessageKind.DIGEST && m.recipientId().equals(id)).toList();
    }

    @Test
    void over_a_fortnight_a_new_deviation_shows_as_new_then_as_resolved_each_digest_once() {
        assertThat(run("2024-06-03")).containsEntry("sent", MANAGERS_AND_STAB); // week 0

        clock.set(Instant.parse("2024-06-05T09:00:00Z"));
        report("KS2024-002", "PAGAENDE_MED_AVVIKELSE", "föreläsaren sjuk, ny tid i augusti");
        assertThat(run("2024-06-10")).containsEntry("sent", MANAGERS_AND_STAB);

        Map week1 = preview(stab, JOHAN, "2024-06-10");
        assertThat(lines(week1)).filteredOn(line -> line.get("ref").equals("KS2024-002")).singleElement()
                .satisfies(line -> {
                    assertThat((List<String>) line.get("kinds")).contains("WITH_DEVIATION");
                    assertThat(line).containsEntry("isNew", true).containsEntry("lastComment", "föreläsaren sjuk, ny tid i augusti");
                });
        assertThat(lines(week1)).filteredOn(line -> !line.get("ref").equals("KS2024-002"))
                .allSatisfy(line -> assertThat(line).containsEntry("isNew", false));

        clock.set(Instant.parse("2024-06-12T09:00:00Z"));
        report("KS2024-002", "PAGAENDE_ENLIGT_PLAN", "ny tid bokad");
        assertThat(run("2024-06-17")).containsEntry("sent", MANAGERS_AND_STAB);
        Map week2 = preview(stab, JOHAN, "2024-06-17");
        assertThat((List<Map>) ((Map) week2.get("digest")).get("resolved")).singleElement()
                .satisfies(resolved -> assertThat(resolved).containsEntry("ref", "KS2024-002").containsEntry("kind", "WITH_DEVIATION"));
        assertThat(lines(week2)).noneMatch(line -> line.get("ref").equals("KS2024-002"));

        // a second run the same day, or later that week, sends nothing more
        assertThat(run("2024-06-17")).containsEntry("sent", 0);
        assertThat(run("2024-06-19")).containsEntry("sent", 0);
        assertThat(digestsTo(JOHAN)).hasSize(3).extracting(OutboxMessage::dedupeKey).doesNotHaveDuplicates();
        assertThat(digestsTo(JOHAN).get(1).bodyText()).contains("KS2024-002").contains("[NY]");
        assertThat(digestsTo(JOHAN).get(2).bodyText()).contains("Lösta sedan förra veckan").contains("KS2024-002");
    }

    @Test
    void a_preview_for_an_earlier_date_shows_the_state_as_of_that_date() {
        clock.set(Instant.parse("2024-06-05T09:00:00Z"));
        report("KS2024-002", "PAGAENDE_MED_AVVIKELSE", "föreläsaren sjuk, ny tid i augusti");
        clock.set(Instant.parse("2024-06-12T09:00:00Z"));

        Map before = preview(stab, JOHAN, "2024-06-03");
        assertThat(lines(before)).filteredOn(line -> line.get("ref").equals("KS2024-002")).singleElement()
                .satisfies(line -> {
                    assertThat((List<String>) line.get("kinds")).containsExactly("MISSING_REPORT");
                    assertThat(line).containsEntry("lastComment", "");
                });
        Map after = preview(stab, JOHAN, "2024-06-10");
        assertThat(lines(after)).filteredOn(line -> line.get("ref").equals("KS2024-002")).singleElement()
                .satisfies(line -> assertThat((List<String>) line.get("kinds")).containsExactly("WITH_DEVIATION"));
    }

    @Test
    void managers_see_only_their_department_and_stab_gets_counts_for_every_department() {
        Map johan = preview(stab, JOHAN, "2024-06-03");
        Map maria = preview(stab, MARIA, "2024-06-03");
        assertThat(lines(johan)).isNotEmpty().allSatisfy(line -> assertThat(line).containsEntry("department", "Staben"));
        assertThat(lines(maria)).isNotEmpty().allSatisfy(line -> assertThat(line).containsEntry("department", "Socialavdelningen"));

        Map sara = preview(stab, SARA, "2024-06-03");
        assertThat(sara).containsEntry("audience", "STAB");
        List<Map> departments = (List<Map>) ((Map) sara.get("digest")).get("departments");
        assertThat(departments).extracting(d -> d.get("department")).contains("Staben", "Socialavdelningen");

        // a manager may preview their own digest only; an owner none
        Api johanApi = admin.withNewToken("johan", "MANAGER", JOHAN);
        assertThat(johanApi.get("/api/digests/preview?manager=" + JOHAN + "&on=2024-06-03").code()).isEqualTo(200);
        assertThat(johanApi.get("/api/digests/preview?manager=" + MARIA + "&on=2024-06-03").code()).isEqualTo(404);
        Api emma = admin.withNewToken("emma", "OWNER", "emma.berglund@ange.example");
        assertThat(emma.get("/api/digests/preview?manager=emma.berglund@ange.example&on=2024-06-03").code()).isEqualTo(422);

        run("2024-06-03");
        assertThat(digestsTo(SARA)).singleElement().satisfies(m -> assertThat(m.bodyText())
                .contains("Per avdelning").contains("Staben").contains("Socialavdelningen"));
        assertThat(digestsTo(MARIA).get(0).bodyText()).doesNotContain("KS2024-002");
    }

    @Test
    void the_stab_summary_also_goes_to_the_teams_channel_once_a_week() {
        teamsChannel.resetRequests();
        run("2024-06-03");
        run("2024-06-04");
        while (delivery.deliverOne()) {
            // deliver the digests and the channel post
        }
        List<String> posts = teamsChannel.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/webhook/stab"))).stream()
                .map(com.github.tomakehurst.wiremock.verification.LoggedRequest::getBodyAsString).toList();
        assertThat(posts).singleElement().asString().contains("AdaptiveCard").contains("Avvikelser i kommunen 3 juni 2024")
                .contains("Per avdelning").contains("Socialavdelningen").doesNotContain("Hej ");
    }

    @Test
    void a_holiday_monday_moves_the_digest_to_tuesday() {
        assertThat(run("2024-04-01")).containsEntry("sent", 0); // Annandag påsk
        assertThat(run("2024-04-02")).containsEntry("sent", MANAGERS_AND_STAB);
        assertThat(digestsTo(JOHAN)).singleElement().satisfies(m -> assertThat(m.sendOn()).isEqualTo("2024-04-02"));
    }

    @Test
    void preferences_turn_the_digest_off_move_its_day_and_choose_its_channel() {
        Api johanApi = admin.withNewToken("johan", "MANAGER", JOHAN);
        assertThat(body(johanApi.exchange(HttpRequest.PUT("/api/digests/preferences",
                Map.of("enabled", true, "day", "THURSDAY", "channel", "TEAMS"))))).containsEntry("day", "THURSDAY");
        Api maria = admin.withNewToken("maria", "MANAGER", MARIA);
        maria.exchange(HttpRequest.PUT("/api/digests/preferences", Map.of("enabled", false, "day", "MONDAY")));
        assertThat(johanApi.exchange(HttpRequest.PUT("/api/digests/preferences?person=" + MARIA,
                Map.of("enabled", true, "day", "MONDAY"))).code()).isEqualTo(404); // as for an unknown e-mail

        run("2024-06-03");
        assertThat(digestsTo(JOHAN)).isEmpty();
        assertThat(digestsTo(MARIA)).isEmpty();
        assertThat(digestsTo(SARA)).hasSize(1);
        run("2024-06-06"); // Thursday, but Sveriges nationaldag: Friday instead
        assertThat(digestsTo(JOHAN)).isEmpty();
        run("2024-06-07");
        assertThat(digestsTo(JOHAN)).singleElement()
                .satisfies(m -> assertThat(m.channel()).isEqualTo(ReminderChannel.TEAMS));
        assertThat(digestsTo(MARIA)).isEmpty();
    }

    @Test
    void the_digest_arrives_by_email_with_html_and_plain_text() throws Exception {
        run("2024-06-03");
        while (delivery.deliverOne()) {
            // deliver the digests
        }
        MimeMessage mail = Arrays.stream(smtp.greenMail.getReceivedMessages())
                .filter(m -> recipient(m).equals(JOHAN)).findFirst().orElseThrow();
        assertThat(mail.getSubject()).startsWith("Veckans avvikelser 3 juni 2024:");
        assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        String all = parts(mail);
        assertThat(all).contains("text/plain").contains("text/html").contains("<h3").contains("Hej Johan!");
    }

    private static String parts(MimeMessage mail) throws Exception {
        StringBuilder found = new StringBuilder();
        collect(mail.getContent(), mail.getContentType(), found);
        return found.toString();
    }

    private static void collect(Object content, String type, StringBuilder found) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i).getContent(), multipart.getBodyPart(i).getContentType(), found);
            }
        } else {
            found.append(type).append('\n').append(content).append('\n');
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_friday_digest_comes_on_thursday_when_friday_is_midsommarafton_and_weekends_cannot_be_chosen() {
        Api johanApi = admin.withNewToken("johan", "MANAGER", JOHAN);
        assertThat(johanApi.exchange(HttpRequest.PUT("/api/digests/preferences",
                Map.of("enabled", true, "day", "SATURDAY"))).code()).isEqualTo(422);
        assertThat(johanApi.exchange(HttpRequest.PUT("/api/digests/preferences",
                Map.of("enabled", true, "day", "FRIDAY"))).code()).isEqualTo(200);
        assertThat(admin.retrieve("/api/audit?since=2024-01-01T00:00:00Z", io.micronaut.core.type.Argument.listOf(Map.class)))
                .anySatisfy(entry -> assertThat(entry).containsEntry("action", "digest.preferences")
                        .containsEntry("subject", "person:" + JOHAN));

        run("2024-06-17");
        run("2024-06-19");
        assertThat(digestsTo(JOHAN)).isEmpty();
        run("2024-06-20"); // Friday 21 June 2024 is midsommarafton
        assertThat(digestsTo(JOHAN)).singleElement().satisfies(m -> assertThat(m.sendOn()).isEqualTo("2024-06-20"));
    }
}
