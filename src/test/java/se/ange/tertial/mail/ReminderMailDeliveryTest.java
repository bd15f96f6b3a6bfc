package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/** Reminders through the outbox to a real SMTP server (GreenMail), including an SMTP outage. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class ReminderMailDeliveryTest implements TestPropertyProvider {

    private ServerSetup smtpSetup;
    private GreenMail smtp;
    private final List<MimeMessage> received = new ArrayList<>();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxDelivery delivery;

    @Inject
    MutableClock clock;

    Api admin;

    @Override
    public Map<String, String> getProperties() {
        smtpSetup = new ServerSetup(se.ange.tertial.support.Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp = new GreenMail(smtpSetup);
        smtp.start();
        return Map.of("tertial.mail.smtp.host", "127.0.0.1",
                "tertial.mail.smtp.port", String.valueOf(smtpSetup.getPort()),
                "tertial.mail.smtp.timeout-millis", "2000",
                "tertial.mail.reply-address", "tertial@ange.example",
                "tertial.test.clock", "2024-03-28T07:00:00Z");
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    @BeforeEach
    void plan() {
        clock.set(java.time.Instant.parse("2024-03-28T07:00:00Z"));
        TestDatabase.clear(dataSource);
        received.addAll(Arrays.asList(smtp.getReceivedMessages()));
        smtp.reset();
        received.clear();
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    private int deliverAll() {
        int taken = 0;
        while (delivery.deliverOne()) {
            taken++;
        }
        return taken;
    }

    private List<MimeMessage> allReceived() {
        List<MimeMessage> all = new ArrayList<>(received);
        all.addAll(Arrays.asList(smtp.getReceivedMessages()));
        return all;
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_run_enqueues_once_and_the_mail_arrives_with_both_bodies_the_activities_and_how_to_answer() throws Exception {
        Map first = body(admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", "")));
        assertThat((Integer) first.get("messages")).isGreaterThan(5);
        Map second = body(admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", "")));
        assertThat(second).containsEntry("messages", 0).containsEntry("items", 0);
        assertThat((List) body(admin.get("/api/reminders/preview?on=2024-03-28")).get("items")).isEmpty();

        assertThat(deliverAll()).isEqualTo(first.get("messages"));
        MimeMessage emma = allReceived().stream().filter(m -> recipient(m).contains("emma.berglund")).findFirst().orElseThrow();
        assertThat(emma.getSubject()).startsWith("Rapportera status för ").contains("i tertial 2024-T1 senast 30 april [m")
                .endsWith("]");
        assertThat(emma.getReplyTo()[0].toString()).startsWith("tertial+m").endsWith("@ange.example");
        MimeMultipart content = (MimeMultipart) emma.getContent();
        String all = GreenMailUtil.getBody(emma);
        String text = bodyOfType(content, "text/plain");
        String html = bodyOfType(content, "text/html");
        assertThat(text).contains("Hej Emma!").contains("KS2024-002")
                .contains("Genomföra två föreläsningar för temat kost och återhämtning")
                .contains("Så svarar du").contains("Pågående enligt plan").contains("30 april 2024")
                .contains("Vänteläge");
        assertThat(html).contains("<html").contains("KS2024-002").contains("Så svarar du");
        assertThat(all).isNotBlank();
        assertThat((List) admin.retrieve("/api/outbox?state=SENT", Argument.listOf(Map.class)))
                .hasSize((Integer) first.get("messages"));
    }

    @Test
    void a_person_who_prefers_english_gets_the_reminder_in_english() throws Exception {
        admin.postCsv("/api/import/people", "name,email,role,department,unit,slack_user_id,language\n"
                + "Emma Berglund,emma.berglund@ange.example,owner,Staben,HR och Kommunikation,U05OWN0001,en\n");
        admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
        deliverAll();
        MimeMessage emma = allReceived().stream().filter(m -> recipient(m).contains("emma.berglund")).findFirst().orElseThrow();
        assertThat(emma.getSubject()).startsWith("Report the status of ").contains(" for tertial 2024-T1 by 30 April [m");
        String text = bodyOfType((MimeMultipart) emma.getContent(), "text/plain");
        assertThat(text).contains("Hello Emma!").contains("How to answer").contains("In progress, on plan")
                .contains("30 April 2024");
        MimeMessage frida = allReceived().stream().filter(m -> recipient(m).contains("frida")).findFirst().orElseThrow();
        assertThat(frida.getSubject()).startsWith("Rapportera status");
    }

    @Test
    void while_smtp_is_down_reminders_wait_and_then_each_arrives_once() {
        int messages = (Integer) body(admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-04-23", ""))).get("messages");
        int port = smtpSetup.getPort();
        received.addAll(Arrays.asList(smtp.getReceivedMessages()));
        smtp.stop();
        try {
            deliverAll();
            assertThat((List) admin.retrieve("/api/outbox?state=PENDING", Argument.listOf(Map.class)))
                    .hasSize(messages).allSatisfy(m -> assertThat((Integer) ((Map) m).get("attempts")).isEqualTo(1));
        } finally {
            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        clock.tick(java.time.Duration.ofMinutes(1));
        deliverAll();
        clock.tick(java.time.Duration.ofMinutes(10));
        deliverAll();
        List<String> recipients = allReceived().stream().map(ReminderMailDeliveryTest::recipient).toList();
        assertThat(recipients).hasSize(messages).doesNotHaveDuplicates();
        assertThat((List) admin.retrieve("/api/outbox?state=SENT", Argument.listOf(Map.class))).hasSize(messages);
    }

    @Test
    void a_report_made_before_delivery_drops_the_activity_from_the_reminder() throws Exception {
        admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", ""));
        Api emma = admin.withNewToken("emma", "OWNER", "emma.berglund@ange.example");
        List<Map> own = (List<Map>) body(emma.get("/api/activities?tertial=2024-T1&size=100")).get("items");
        for (Map activity : own) {
            emma.postJson("/api/activities/" + activity.get("ref") + "/reports",
                    Map.of("tertial", "2024-T1", "status", "PAGAENDE_ENLIGT_PLAN", "comment", "Enligt plan"));
        }
        deliverAll();
        assertThat(allReceived()).extracting(ReminderMailDeliveryTest::recipient)
                .noneMatch(r -> r.contains("emma.berglund"));
        assertThat((List<Map>) admin.retrieve("/api/outbox?state=CANCELLED", Argument.listOf(Map.class))).hasSize(1);
    }

    @Test
    void nothing_is_planned_on_a_holiday_and_the_preview_shows_recipients_activities_and_reasons() {
        assertThat((List) body(admin.get("/api/reminders/preview?on=2024-06-21")).get("items")).isEmpty();
        List<Map> items = (List<Map>) body(admin.get("/api/reminders/preview?on=2024-05-06")).get("items");
        Map johan = items.stream().filter(i -> i.get("recipient").equals("johan.nordin@ange.example")).findFirst().orElseThrow();
        assertThat(johan.get("reason").toString()).contains("ESCALATION 2024-T1");
        assertThat((List<String>) johan.get("activities")).contains("KS2024-002");
        assertThat(johan.get("channel")).isEqualTo("EMAIL");
        assertThat(admin.withNewToken("o", "OWNER", "emma.berglund@ange.example")
                .get("/api/reminders/preview?on=2024-05-06").code()).isEqualTo(403);
        assertThat(admin.withNewToken("s", "STAB", null)
                .exchange(HttpRequest.POST("/api/reminders/run?on=2024-05-06", "")).code()).isEqualTo(403);
    }


    private static String bodyOfType(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = bodyOfType(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
