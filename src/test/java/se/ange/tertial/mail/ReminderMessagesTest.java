package se.ange.tertial.mail;

import se.ange.tertial.system.WebConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/**
 * The messages people read, read as they arrive (GreenMail): the reminder, the manager's escalation, and
 * the answers to replies that cannot be used. Each rendered message is also written to
 * {@code target/rendered/} for a person to read.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class ReminderMessagesTest implements TestPropertyProvider {

    private static final Pattern TAG = Pattern.compile(" \\[m\\d+\\.k[0-9a-z]{2}-[A-Za-z0-9_-]{12}]$");

    private GreenMail smtp;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxDelivery delivery;

    @Inject
    OutboxRepository outbox;

    @Inject
    ReminderItemRepository items;

    @Inject
    PersonRepository people;

    @Inject
    ActivityCatalog catalog;

    @Inject
    InboundMailProcessor processor;

    @Inject
    ReplyTokens tokens;

    @Inject
    MutableClock clock;

    @Inject
    WebConfig web;

    Api admin;
    Api stab;

    @Override
    public Map<String, String> getProperties() {
        ServerSetup setup = new ServerSetup(se.ange.tertial.support.Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp = new GreenMail(setup);
        smtp.start();
        return Map.of("tertial.mail.smtp.host", "127.0.0.1",
                "tertial.mail.smtp.port", String.valueOf(setup.getPort()),
                "tertial.mail.smtp.timeout-millis", "2000",
                "tertial.test.clock", "2024-04-23T05:00:00Z");
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    @BeforeEach
    void plan() throws Exception {
        clock.set(Instant.parse("2024-04-23T05:00:00Z"));
        TestDatabase.clear(dataSource);
        smtp.purgeEmailFromAllMailboxes();
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        stab = admin.withNewToken("stab", "STAB", null);
        stab.postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @Test
    void a_reminder_lists_each_activity_once_marks_a_passed_end_date_and_reads_as_a_short_message() throws Exception {
        runAndDeliver("2024-04-23");
        MimeMessage ahmed = to("ahmed.karimi");
        String text = part(ahmed, "text/plain");
        String html = part(ahmed, "text/html");
        save("reminder-ahmed", ahmed, text, html);

        // KS2024-020 ends 30 April: it is due for the tertial and ends within a week, and is listed once
        assertThat(count(text, "KS2024-020")).as(text).isEqualTo(1);
        assertThat(count(html, ">KS2024-020<")).isEqualTo(1);
        assertThat(text).contains("ska vara klar senast 30 april 2024");
        // KS2024-021 ended 31 March and is not completed
        assertThat(text).contains("- KS2024-021").contains("⚠ slutdatum 31 mars 2024 har passerat");
        assertThat(html).contains("⚠ slutdatum 31 mars 2024 har passerat");
        assertThat(text).startsWith("Hej Ahmed!\n").doesNotContain("Ahmed Karimi");
        assertThat(text.lines()).noneMatch(line -> line.strip().endsWith("–") || line.contains(" – ,") || line.contains(",  "));
        // no chat in this test configuration: neither is mentioned
        assertThat(text + html).doesNotContain("Slack").doesNotContain("Teams");
        // a sentence, then the short reply tag
        String subject = ahmed.getSubject();
        assertThat(subject).matches("Rapportera status för \\d+ aktiviteter i tertial 2024-T1 senast 30 april \\[m\\d+\\.k[0-9a-z]{2}-[A-Za-z0-9_-]{12}]");
        Matcher tag = TAG.matcher(subject);
        assertThat(tag.find()).isTrue();
        assertThat(tag.group().length()).isLessThan(25);
        // the example wraps on a phone: no <pre>, pre-wrap and a break anywhere
        assertThat(html).doesNotContain("<pre").contains("name=\"viewport\"");
        Matcher example = Pattern.compile("<p class=\"example\" style=\"([^\"]*)\">([^<]*)</p>").matcher(html);
        assertThat(example.find()).as(html).isTrue();
        assertThat(example.group(1)).contains("white-space: pre-wrap").contains("overflow-wrap: anywhere");
        assertThat(example.group(2)).matches("KS2024-\\d{3}: 2 – kort kommentar om läget");
        assertThat(html).doesNotContain("<table");
        // the owner's activities on the web: /mina, in both parts, after how to answer by mail
        String mine = web.link("/mina");
        assertThat(text).contains("\nRapportera på webben: " + mine + "\n");
        assertThat(text.indexOf("Rapportera på webben")).isGreaterThan(text.indexOf("Så svarar du"));
        assertThat(html).contains("<span>Rapportera på webben:</span> <a href=\"" + mine + "\">" + mine + "</a>");
        assertThat(text + html).doesNotContain("/aktiviteter/");
    }

    @Test
    void a_one_activity_reminder_shows_its_shortcut_and_agrees_in_number() throws Exception {
        Person anders = people.findByEmail("anders.lund@ange.example").orElseThrow();
        String ref = catalog.all().stream().filter(v -> v.isOwnedBy(anders.email())).findFirst().orElseThrow().ref();
        ReminderMail.Rendered rendered = reminderMail(false).render(anders, List.of(
                new ReminderItemRow(1L, 1L, anders.id(), "k", "TERTIAL_REPORT", "SECOND", "2024-T1", ref, null)));
        save("reminder-one", rendered);
        assertThat(rendered.subject()).isEqualTo("Rapportera status för 1 aktivitet i tertial 2024-T1 senast 30 april");
        assertThat(rendered.text()).contains("\n  2 – kort kommentar om läget\n")
                .contains("Svara på det här mejlet med statusens siffra och en kort kommentar")
                .doesNotContain(ref + ": 2").doesNotContain("aktiviteter)");
        assertThat(rendered.html()).contains(">2 – kort kommentar om läget</p>");
    }

    @Test
    void chat_is_mentioned_only_to_someone_who_can_use_it() {
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        Person withoutSlack = emma.withSlackUserId(null);
        String ref = catalog.all().stream().filter(v -> v.isOwnedBy(emma.email())).findFirst().orElseThrow().ref();
        List<ReminderItemRow> reminded = List.of(
                new ReminderItemRow(1L, 1L, emma.id(), "k", "TERTIAL_REPORT", "SECOND", "2024-T1", ref, null));

        ReminderMail.Rendered withSlack = reminderMail(true).render(emma, reminded);
        assertThat(withSlack.text()).contains("Du kan också svara i Slack: status " + ref + " 2: kort kommentar om läget")
                .doesNotContain("Teams");
        assertThat(reminderMail(true).render(withoutSlack, reminded).text()).doesNotContain("Slack").doesNotContain("Teams");
        assertThat(reminderMail(false).render(emma, reminded).text()).doesNotContain("Slack");
    }

    @Test
    void the_managers_escalation_names_owners_lists_only_what_is_missing_and_says_what_to_do() throws Exception {
        clock.set(Instant.parse("2024-05-06T05:00:00Z"));
        // reported completed in the wrong tertial (T2): nothing to chase
        assertThat(stab.postJson("/api/activities/KS2024-011/reports",
                Map.of("tertial", "2024-T2", "status", "Avslutad enligt plan")).code()).isEqualTo(201);
        assertThat((Integer) Api.body(admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-05-06", "")))
                .get("messages")).isGreaterThan(0);
        // reported for T1 after the run, before delivery: no longer missing
        assertThat(stab.postJson("/api/activities/KS2024-009/reports", Map.of("tertial", "2024-T1",
                "status", "Pågående enligt plan", "comment", "enligt plan")).code()).isEqualTo(201);
        deliverAll();
        MimeMessage maria = to("maria.sjoberg");
        String text = part(maria, "text/plain");
        String html = part(maria, "text/html");
        save("escalation-maria", maria, text, html);

        assertThat(maria.getSubject()).matches("\\d+ statusrapporter för tertial 2024-T1 saknas i din verksamhet \\[m\\d+\\.k[0-9a-z]{2}-[A-Za-z0-9_-]{12}]");
        assertThat(text).startsWith("Hej Maria!").contains("Statusrapporter för tertial 2024-T1 som saknas i din verksamhet:")
                .contains("- KS2024-024 ").contains("Ansvarig: Oskar Eriksson").contains("Ansvarig: Frida Håkansson")
                .doesNotContain("KS2024-011").doesNotContain("KS2024-009")
                .doesNotContain("✔")
                .contains("Det här kan du göra").contains("Påminn den ansvariga");
        assertThat(html).contains("Ansvarig: Oskar Eriksson").contains("Det här kan du göra").doesNotContain("KS2024-011");
        // every listed activity names its owner
        long listed = text.lines().filter(line -> line.startsWith("- KS2024-")).count();
        assertThat(text.lines().filter(line -> line.startsWith("  Ansvarig: ")).count()).isEqualTo(listed);
        // and links to its page on the web, in both parts
        assertThat(text.lines().filter(line -> line.startsWith("  På webben: " + web.link("/aktiviteter/KS2024-")))
                .count()).isEqualTo(listed);
        String page = web.link("/aktiviteter/KS2024-024");
        assertThat(text).contains("- KS2024-024 ").contains("  På webben: " + page + "\n");
        assertThat(html).contains("<span>På webben:</span> <a href=\"" + page + "\">" + page + "</a>")
                .doesNotContain("/mina");
        assertThat(count(html, "<a href=\"" + web.link("/aktiviteter/KS2024-"))).isEqualTo((int) listed);
    }

    @Test
    void a_known_owner_replying_to_an_expired_or_someone_elses_reminder_is_told_nothing_was_recorded() throws Exception {
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        OutboxMessage reminder = outbox.save(OutboxMessage.reminder(emma.id(), ReminderChannel.EMAIL,
                LocalDate.parse("2024-04-23"), Instant.parse("2024-04-23T05:00:00Z")));
        items.save(new ReminderItemRow(null, reminder.id(), emma.id(), "TERTIAL_REPORT/2024-T1/KS2024-002/SECOND",
                "TERTIAL_REPORT", "SECOND", "2024-T1", "KS2024-002", null));
        String tag = tokens.signShort(reminder.id());

        // 42 days after the close the tag has expired
        clock.set(Instant.parse("2024-06-20T08:00:00Z"));
        assertThat(processor.process(reply("emma.berglund@ange.example", tag, "<late@x>", "2 – klart"), "TEST").outcome())
                .isEqualTo(InboundOutcome.REJECTED_TOKEN);
        String late = answerTo("emma.berglund@ange.example");
        save("answer-expired", late);
        assertThat(late).startsWith("Hej Emma!").contains("tertial 2024-T1").contains("så inget har registrerats")
                .contains("KS2024-002: 2 – kort kommentar om läget").doesNotContain("Slack");

        // someone else's reminder, from a known owner: they are told; Emma gets her notice as before
        clock.set(Instant.parse("2024-04-24T08:00:00Z"));
        assertThat(processor.process(reply("ahmed.karimi@ange.example", tag, "<foreign@x>", "2 – klart"), "TEST").outcome())
                .isEqualTo(InboundOutcome.REJECTED_SENDER);
        String foreign = answerTo("ahmed.karimi@ange.example");
        save("answer-foreign", foreign);
        assertThat(foreign).startsWith("Hej Ahmed!").contains("skickades till Emma Berglund")
                .contains("så inget har registrerats").contains("KS2024-0");
        assertThat(outbox.findAllOrderById()).anyMatch(m -> m.kind() == MessageKind.NOTICE && m.recipientId().equals(emma.id()));

        // an unknown sender still gets nothing
        int before = outbox.findAllOrderById().size();
        processor.process(reply("stranger@elsewhere.example", tag, "<stranger@x>", "2 – klart"), "TEST");
        assertThat(outbox.findAllOrderById().stream().skip(before))
                .noneMatch(m -> m.kind() == MessageKind.ANSWER);
    }

    @Test
    void a_reply_that_is_not_understood_is_answered_in_one_clean_sentence() throws Exception {
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        OutboxMessage reminder = outbox.save(OutboxMessage.reminder(emma.id(), ReminderChannel.EMAIL,
                LocalDate.parse("2024-04-23"), Instant.parse("2024-04-23T05:00:00Z")));
        for (String ref : List.of("KS2024-002", "KS2024-004")) {
            items.save(new ReminderItemRow(null, reminder.id(), emma.id(), "TERTIAL_REPORT/2024-T1/" + ref + "/SECOND",
                    "TERTIAL_REPORT", "SECOND", "2024-T1", ref, null));
        }
        processor.process(reply("emma.berglund@ange.example", tokens.signShort(reminder.id()), "<vague@x>",
                "Klart!"), "TEST");
        String answer = answerTo("emma.berglund@ange.example");
        save("answer-not-understood", answer);
        assertThat(answer).contains("Tack för ditt svar. Inget har registrerats: svaret nämnde ingen aktivitet, "
                + "och påminnelsen gällde flera.\n").doesNotContain("flera)").doesNotContain("Vi förstod inget")
                .contains("KS2024-002: 2 – kort kommentar om läget");
    }

    // ---- helpers

    private static final WebConfig WEB = WebConfig.at("http://localhost:8080");

    private ReminderMail reminderMail(boolean slack) {
        return new ReminderMail(catalog, new ChatChannels(slack, false), WEB,
                Clock.fixed(Instant.parse("2024-04-23T05:00:00Z"), ZoneId.of("Europe/Stockholm")));
    }

    private void runAndDeliver(String day) {
        admin.exchange(HttpRequest.POST("/api/reminders/run?on=" + day, ""));
        deliverAll();
    }

    private void deliverAll() {
        while (delivery.deliverOne()) {
            // drain
        }
    }

    private MimeMessage to(String who) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(who);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no mail to " + who));
    }

    private String answerTo(String email) {
        Person person = people.findByEmail(email).orElseThrow();
        return outbox.findAllOrderById().stream()
                .filter(m -> m.kind() == MessageKind.ANSWER && m.recipientId().equals(person.id()))
                .reduce((a, b) -> b).map(m -> m.subject() + "\n\n" + m.bodyText())
                .map(s -> s.substring(s.indexOf("\n\n") + 2))
                .orElseThrow(() -> new AssertionError("no answer to " + email));
    }

    private static byte[] reply(String from, String tag, String messageId, String body) throws Exception {
        String raw = "From: " + from + "\r\nTo: tertial@ange.example\r\nSubject: SV: Rapportera status [" + tag + "]\r\n"
                + "Message-ID: " + messageId + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + body + "\r\n";
        return raw.getBytes(StandardCharsets.UTF_8);
    }

    static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return ((String) part.getContent()).replace("\r\n", "\n");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                try {
                    return part(child, type);
                } catch (AssertionError notHere) {
                    // next
                }
            }
        }
        throw new AssertionError("no " + type);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static void save(String name, MimeMessage message, String text, String html) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "rendered"));
        Files.writeString(dir.resolve(name + ".txt"), "Subject: " + message.getSubject() + "\n\n" + text);
        Files.writeString(dir.resolve(name + ".html"), html);
        ByteArrayOutputStream eml = new ByteArrayOutputStream();
        message.writeTo(eml);
        Files.write(dir.resolve(name + ".eml"), eml.toByteArray());
    }

    private static void save(String name, ReminderMail.Rendered rendered) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "rendered"));
        Files.writeString(dir.resolve(name + ".txt"), "Subject: " + rendered.subject() + "\n\n" + rendered.text());
        Files.writeString(dir.resolve(name + ".html"), rendered.html());
    }

    private static void save(String name, String text) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "rendered"));
        Files.writeString(dir.resolve(name + ".txt"), text);
    }
}
