package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.audit.AuditEntry;
import se.ange.tertial.audit.AuditRepository;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * Real-world replies (Outlook, Gmail, Apple Mail, HTML-only, charsets, auto-replies, forgeries) under
 * {@code src/test/resources/replies/}, each with its expected outcome in {@code expected.csv}.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-24T08:00:00Z")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplyCorpusTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    InboundMailProcessor processor;

    @Inject
    ReplyTokens tokens;

    @Inject
    OutboxRepository outbox;

    @Inject
    ReminderItemRepository items;

    @Inject
    PersonRepository people;

    @Inject
    ActivityCatalog catalog;

    @Inject
    AuditRepository audit;

    @Inject
    InboundMailRepository mails;

    @Inject
    se.ange.tertial.register.org.PersonAbsenceRepository absences;

    private Map<String, String> placeholders;

    @BeforeAll
    void reminders() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        // Emma is away this week: Lena Öberg, her deputy, may answer her reminders (deputy-reply.eml)
        Person lena = people.findByEmail("lena.oberg@ange.example").orElseThrow();
        emma = people.update(emma.withDeputy(lena.id()));
        absences.save(new se.ange.tertial.register.org.PersonAbsence(null, emma.id(), LocalDate.parse("2024-04-22"),
                LocalDate.parse("2024-05-06")));
        long multi = reminder(emma, LocalDate.parse("2024-04-22"), "FIRST", "KS2024-002", "KS2024-004", "KS2024-007");
        long single = reminder(emma, LocalDate.parse("2024-04-23"), "SECOND", "KS2024-002");
        String valid = tokens.sign(new ReplyTokens.Claims(multi, emma.id(), "2024-T1", LocalDate.parse("2024-06-11")));
        String forged = valid.substring(0, valid.length() - 3) + (valid.endsWith("AAA") ? "BBB" : "AAA");
        placeholders = Map.of(
                "{{TOKEN_MULTI}}", valid,
                "{{TOKEN_SINGLE}}", tokens.sign(new ReplyTokens.Claims(single, emma.id(), "2024-T1", LocalDate.parse("2024-06-11"))),
                "{{TOKEN_EXPIRED}}", tokens.sign(new ReplyTokens.Claims(multi, emma.id(), "2024-T1", LocalDate.parse("2024-04-01"))),
                "{{TOKEN_FORGED}}", forged,
                "{{TOKEN}}", valid);
    }

    private long reminder(Person to, LocalDate day, String stage, String... refs) {
        OutboxMessage message = outbox.save(OutboxMessage.reminder(to.id(), ReminderChannel.EMAIL, day, Instant.parse("2024-04-22T06:00:00Z")));
        for (String ref : refs) {
            items.save(new ReminderItemRow(null, message.id(), to.id(), "TERTIAL_REPORT/2024-T1/" + ref + "/" + stage,
                    "TERTIAL_REPORT", stage, "2024-T1", ref, null));
        }
        return message.id();
    }

    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = ReplyCorpusTest.class.getResourceAsStream("/replies/expected.csv")) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Arguments> cases = new ArrayList<>();
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv))) {
                cases.add(Arguments.of(row.get("file"), InboundOutcome.valueOf(row.get("outcome").trim()),
                        row.isSet("reports") ? row.get("reports") : ""));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("corpus")
    void each_reply_has_its_expected_outcome(String file, InboundOutcome expected, String reports) throws IOException {
        byte[] raw = withTokens(file);
        int before = reportCount();
        long lastOutboxId = outbox.findAllOrderById().stream().mapToLong(OutboxMessage::id).max().orElse(0);

        InboundMailProcessor.Result result = processor.process(raw, "TEST");

        assertThat(result.outcome()).as("%s: %s", file, result.detail()).isEqualTo(expected);
        List<String> wanted = Arrays.stream(reports.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        assertThat(reportCount() - before).as("reports recorded from %s", file).isEqualTo(wanted.size());
        for (String entry : wanted) {
            String ref = entry.substring(0, entry.indexOf('='));
            String status = entry.substring(entry.indexOf('=') + 1, entry.indexOf('|'));
            String snippet = entry.substring(entry.indexOf('|') + 1).strip();
            StatusReport latest = catalog.byRef(ref).orElseThrow().reports().stream()
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(latest.status().name()).as("%s status of %s", file, ref).isEqualTo(status);
            if (snippet.isEmpty()) {
                assertThat(latest.comment()).as("%s comment of %s", file, ref).isNull();
            } else {
                assertThat(latest.comment()).as("%s comment of %s", file, ref).isEqualTo(snippet);
            }
        }
        assertThat(answersSince(lastOutboxId)).as("what %s got back", file).isEqualTo(switch (expected) {
            // the answer goes to whoever replied: Emma, or her deputy
            case RECORDED, NOT_UNDERSTOOD -> List.of("ANSWER to " + sender(raw));
            // the owner hears of it; a sender in the register is told nothing was recorded, an outsider nothing
            case REJECTED_SENDER -> file.equals("forwarded-other-sender.eml")
                    ? List.of("NOTICE to emma.berglund@ange.example", "ANSWER to ahmed.karimi@ange.example")
                    : List.of("NOTICE to emma.berglund@ange.example");
            case REJECTED_AUTH -> List.of("NOTICE to emma.berglund@ange.example");
            // expired, forged or no token from a known person: answered how to reply now
            case REJECTED_TOKEN -> List.of("ANSWER to " + sender(raw));
            case AUTO_REPLY, DUPLICATE, PENDING -> List.of();
        });
        String messageId = messageId(raw);
        assertThat(audit.findBySubjectAndOccurredAtGreaterThanEqualsOrderById("mail:" + messageId, Instant.EPOCH))
                .as("audit of %s", file).extracting(AuditEntry::action)
                .isEqualTo(expected.name().startsWith("REJECTED") ? List.of("mail.rejected") : List.of());
        assertThat(mails.findByMessageId(messageId)).as("%s kept as received", file)
                .hasValueSatisfying(kept -> assertThat(kept.outcome()).isEqualTo(expected));

        int answered = answersSince(lastOutboxId).size();
        assertThat(processor.process(raw, "TEST").outcome()).isEqualTo(InboundOutcome.DUPLICATE);
        assertThat(answersSince(lastOutboxId)).as("nothing more for a duplicate").hasSize(answered);
    }

    private List<String> answersSince(long lastOutboxId) {
        return outbox.findAllOrderById().stream().filter(m -> m.id() > lastOutboxId)
                .map(m -> m.kind() + " to " + people.findById(m.recipientId()).orElseThrow().email()).toList();
    }

    private static String sender(byte[] raw) {
        try {
            return ((jakarta.mail.internet.InternetAddress) new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(raw))
                    .getFrom()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(byte[] raw) {
        try {
            return new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw)).getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int reportCount() {
        return catalog.all().stream().mapToInt(view -> view.reports().size()).sum();
    }

    private byte[] withTokens(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/replies/" + file)) {
            // the placeholders are ASCII, so replacing them in ISO-8859-1 keeps every other byte as it was
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                text = text.replace(placeholder.getKey(), placeholder.getValue());
            }
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
