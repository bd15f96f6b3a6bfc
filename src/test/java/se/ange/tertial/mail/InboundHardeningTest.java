package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.system.AppSecrets;
import se.ange.tertial.support.TestDatabase;

/**
 * Replies through the real HTTP intake ({@code POST /api/mail/inbound}, as a mail gateway sends them): only the
 * municipality's own {@code Authentication-Results} count, reply keys can be rolled, and an oversized reply is
 * kept, answered and never a 500.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class InboundHardeningTest implements TestPropertyProvider {

    private static final String NEW_KEY = "ny-nyckel-2026-aaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String OLD_KEY = "gammal-nyckel-2025-bbbbbbbbbbbbbbbbbbbbbbbbbbb";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRepository outbox;

    @Inject
    ReminderItemRepository items;

    @Inject
    PersonRepository people;

    @Inject
    InboundMailRepository mails;

    @Inject
    ReplyTokens tokens;

    @Inject
    AppSecrets secrets;

    @Inject
    MailConfig config;

    @Inject
    MutableClock clock;

    Api admin;
    Api stab;
    Api gateway;
    OutboxMessage reminder;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("tertial.test.clock", "2024-04-23T05:00:00Z",
                "tertial.mail.trusted-authserv-id", "mx.ange.example",
                "tertial.mail.reply-secret", NEW_KEY,
                "tertial.mail.reply-previous-secrets", OLD_KEY);
    }

    @BeforeEach
    void plan() {
        clock.set(Instant.parse("2024-04-23T05:00:00Z"));
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        stab = admin.withNewToken("stab", "STAB", null);
        stab.postCsv("/api/import/activities", Fixtures.plan2024());
        gateway = admin.withNewToken("mail-gateway", "GATEWAY", null);
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        reminder = outbox.save(OutboxMessage.reminder(emma.id(), ReminderChannel.EMAIL,
                LocalDate.parse("2024-04-23"), Instant.parse("2024-04-23T05:00:00Z")));
        items.save(new ReminderItemRow(null, reminder.id(), emma.id(), "TERTIAL_REPORT/2024-T1/KS2024-002/SECOND",
                "TERTIAL_REPORT", "SECOND", "2024-T1", "KS2024-002", null));
    }

    // ---- Authentication-Results

    @Test
    void the_municipalitys_own_dmarc_fail_refuses_however_it_is_written() {
        List<String> variants = List.of(
                "Authentication-Results: mx.ange.example; dmarc = fail",
                "Authentication-Results: mx.ange.example; spf=pass smtp.mailfrom=ange.example;\r\n\tdmarc=(p=reject) fail",
                "Authentication-Results: mx.ange.example (Postfix) 1;\tdkim=pass (2048-bit key) header.d=ange.example;"
                        + " dmarc=permerror",
                "Authentication-Results: mx.ange.example; spf=pass\r\nAuthentication-Results: mx.ange.example; dmarc=temperror");
        int n = 0;
        for (String headers : variants) {
            Map result = post(reply(tokens.signShort(reminder.id()), "<dmarc-" + n++ + "@x>", headers, "2 – på gång"));
            assertThat(result).as(headers).containsEntry("outcome", "REJECTED_AUTH");
        }
        assertThat(history("KS2024-002")).isEmpty();
    }

    @Test
    void a_foreign_authserv_id_and_arc_results_are_ignored_never_trusted() {
        String tag = tokens.signShort(reminder.id());
        // the sender's own "fail" does not refuse the reply ...
        Map foreignFail = post(reply(tag, "<foreign-fail@x>",
                "Authentication-Results: mx.ange.example; spf=pass; dkim=pass; dmarc=pass\r\n"
                        + "Authentication-Results: evil.example; dmarc=fail\r\n"
                        + "ARC-Authentication-Results: i=1; mx.ange.example; dmarc=fail", "2 – på gång"));
        assertThat(foreignFail).containsEntry("outcome", "RECORDED");
        // ... and the sender's own "pass" (foreign id, or an ARC header naming our server) does not outweigh ours
        Map foreignPass = post(reply(tag, "<foreign-pass@x>",
                "ARC-Authentication-Results: i=1; mx.ange.example; dmarc=pass\r\n"
                        + "Authentication-Results: evil.example; dmarc=pass\r\n"
                        + "Authentication-Results: mx.ange.example; dmarc=fail", "3 – försenat"));
        assertThat(foreignPass).containsEntry("outcome", "REJECTED_AUTH");
        assertThat(history("KS2024-002")).singleElement().satisfies(r -> assertThat(r).containsEntry("status",
                "PAGAENDE_ENLIGT_PLAN"));
    }

    // ---- reply keys

    @Test
    void tokens_name_their_key_and_an_earlier_key_stays_valid_until_its_tokens_expire() {
        String tag = tokens.signShort(reminder.id());
        assertThat(tag).matches("m" + reminder.id() + "\\.k[0-9a-z]{2}-[A-Za-z0-9_-]{12}")
                .contains(".k" + ReplyTokens.key(NEW_KEY).id() + "-");

        // a reminder signed before the new key was rolled in
        String old = signer(OLD_KEY, null).signShort(reminder.id());
        assertThat(old).contains(".k" + ReplyTokens.key(OLD_KEY).id() + "-").isNotEqualTo(tag);
        assertThat(post(reply(old, "<old-key@x>", "", "2 – på gång"))).containsEntry("outcome", "RECORDED");
        // ... until it expires like any token: 42 days after the tertial closed
        clock.set(Instant.parse("2024-06-20T08:00:00Z"));
        assertThat(post(reply(old, "<old-key-late@x>", "", "2 – på gång"))).containsEntry("outcome", "REJECTED_TOKEN")
                .containsEntry("detail", "svarsnyckeln har gått ut");
    }

    @Test
    void a_key_that_is_not_accepted_or_a_forged_key_id_is_refused() {
        String retired = signer("en-nyckel-som-inte-längre-godtas-ccccccccccccccccc", null).signShort(reminder.id());
        assertThat(post(reply(retired, "<retired@x>", "", "2 – på gång"))).containsEntry("outcome", "REJECTED_TOKEN");
        // naming the current key but signed with another
        String forged = retired.replaceFirst("\\.k[0-9a-z]{2}-", ".k" + ReplyTokens.key(NEW_KEY).id() + "-");
        assertThat(post(reply(forged, "<forged@x>", "", "2 – på gång"))).containsEntry("outcome", "REJECTED_TOKEN");
        assertThat(history("KS2024-002")).isEmpty();
    }

    @Test
    void older_token_forms_are_still_read() {
        ReplyTokens oldForm = signer(OLD_KEY, null);
        // the short form without a key id, as sent before keys were named
        String unnamed = "m" + reminder.id() + "-" + hmac(OLD_KEY, "short:m" + reminder.id()).substring(0, 12);
        assertThat(post(reply(unnamed, "<unnamed@x>", "", "2 – på gång"))).containsEntry("outcome", "RECORDED");
        // the signature covers the key id: taking it out of a new tag is no way round it
        String stripped = tokens.signShort(reminder.id()).replaceFirst("\\.k[0-9a-z]{2}-", "-");
        assertThat(tokens.read(stripped)).isEmpty();
        assertThat(post(reply(ReplyTokens.find("SV: x [m" + reminder.id() + ".kzz-abcdefghijkl]").orElseThrow(),
                "<nonsense@x>", "", "2 – x"))).containsEntry("outcome", "REJECTED_TOKEN");
        // the long form signed with an earlier key
        Person emma = people.findByEmail("emma.berglund@ange.example").orElseThrow();
        String longForm = oldForm.sign(new ReplyTokens.Claims(reminder.id(), emma.id(), "2024-T1",
                LocalDate.parse("2024-06-11")));
        assertThat(post(reply(longForm, "<long@x>", "", "2 – på gång"))).containsEntry("outcome", "RECORDED");
    }

    @Test
    void the_generated_key_still_reads_its_tokens_after_a_key_is_configured() {
        String generated = secrets.getOrCreate(ReplyTokens.GENERATED);
        String before = signer(null, null).signShort(reminder.id());
        assertThat(before).contains(".k" + ReplyTokens.key(generated).id() + "-");
        ReplyTokens configured = signer(NEW_KEY, null);
        assertThat(configured.read(before)).isPresent();
        assertThat(configured.signShort(reminder.id())).doesNotContain(".k" + ReplyTokens.key(generated).id() + "-");
    }

    // ---- oversized replies

    @Test
    void a_comment_longer_than_the_column_is_cut_with_a_note_and_a_second_delivery_is_a_duplicate() {
        String comment = "Lång kommentar. " + "ord ".repeat(3000) + "SLUTET";
        byte[] raw = reply(tokens.signShort(reminder.id()), "<long-comment@x>", "", "2 – " + comment);
        HttpResponse<Map> first = exchange(raw);
        assertThat(first.code()).isEqualTo(200);
        assertThat(body(first)).containsEntry("outcome", "RECORDED");
        Map report = history("KS2024-002").get(0);
        String kept = (String) report.get("comment");
        assertThat(kept.length()).isLessThanOrEqualTo(8000);
        assertThat(kept).startsWith("Lång kommentar. ord ").endsWith(" […]").doesNotContain("SLUTET");
        assertThat(mails.findByMessageId("<long-comment@x>")).hasValueSatisfying(mail ->
                assertThat(mail.raw()).isEqualTo(raw));
        String answer = outbox.findAllOrderById().stream().filter(m -> m.kind() == MessageKind.ANSWER)
                .map(OutboxMessage::bodyText).reduce((a, b) -> b).orElseThrow();
        String length = String.format(java.util.Locale.forLanguageTag("sv"), "%,d", comment.length());
        assertThat(answer).contains("Kommentaren var " + length + " tecken, längre än de 8\u00a0000 som ryms, och kortades")
                .hasSizeLessThan(20000);

        HttpResponse<Map> again = exchange(raw);
        assertThat(again.code()).isEqualTo(200);
        assertThat(body(again)).containsEntry("outcome", "DUPLICATE");
        assertThat(history("KS2024-002")).hasSize(1);
    }

    @Test
    void a_reply_of_nine_and_a_half_megabytes_is_kept_answered_and_never_a_server_error() {
        StringBuilder text = new StringBuilder("2 – klart enligt plan\r\n");
        String line = "x".repeat(76) + "\r\n";
        while (text.length() < 9_500_000) {
            text.append(line);
        }
        byte[] raw = reply(tokens.signShort(reminder.id()), "<huge@x>", "", text.toString());
        assertThat(raw.length).isGreaterThan(9_500_000);
        HttpResponse<Map> first = exchange(raw);
        assertThat(first.code()).isEqualTo(200);
        assertThat((String) body(first).get("outcome")).isIn("RECORDED", "NOT_UNDERSTOOD");
        assertThat(mails.findByMessageId("<huge@x>")).hasValueSatisfying(mail -> assertThat(mail.raw()).isEqualTo(raw));
        assertThat(outbox.findAllOrderById()).anyMatch(m -> m.kind() == MessageKind.ANSWER);
        history("KS2024-002").forEach(r -> assertThat(((String) r.get("comment")).length()).isLessThanOrEqualTo(8000));

        HttpResponse<Map> again = exchange(raw);
        assertThat(again.code()).isEqualTo(200);
        assertThat(body(again)).containsEntry("outcome", "DUPLICATE");
    }

    @Test
    void an_overlong_message_id_or_sender_is_kept_and_a_second_delivery_is_a_duplicate() {
        String id = "<" + "a".repeat(600) + "@x>";
        byte[] raw = reply(tokens.signShort(reminder.id()), id, "", "2 – på gång");
        assertThat(body(exchange(raw))).containsEntry("outcome", "RECORDED");
        assertThat(body(exchange(raw))).containsEntry("outcome", "DUPLICATE");
        String sender = "x".repeat(400) + "@ange.example";
        byte[] foreign = ("From: " + sender + "\r\nTo: t@ange.example\r\nSubject: SV: [" + tokens.signShort(reminder.id())
                + "]\r\nMessage-ID: <long-sender@x>\r\n\r\n2 – på gång\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<Map> response = exchange(foreign);
        assertThat(response.code()).isEqualTo(200);
        assertThat(body(response)).containsEntry("outcome", "REJECTED_SENDER");
    }

    // ---- helpers

    private ReplyTokens signer(String secret, String previous) {
        return new ReplyTokens(new MailConfig(config.from(), null, secret, previous == null ? null : List.of(previous),
                config.replyValidDays(), null, false), secrets, outbox, items);
    }

    private static String hmac(String key, String payload) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] full = mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map> history(String ref) {
        return (List<Map>) body(stab.get("/api/activities/" + ref)).get("history");
    }

    private HttpResponse<Map> exchange(byte[] raw) {
        return gateway.exchange(HttpRequest.POST("/api/mail/inbound", raw).contentType("message/rfc822"));
    }

    private Map post(byte[] raw) {
        HttpResponse<Map> response = exchange(raw);
        assertThat(response.code()).as(String.valueOf(response.getBody(Map.class))).isEqualTo(200);
        return body(response);
    }

    private static byte[] reply(String tag, String messageId, String headers, String body) {
        String raw = (headers.isEmpty() ? "" : headers + "\r\n")
                + "From: Emma Berglund <emma.berglund@ange.example>\r\nTo: tertial@ange.example\r\n"
                + "Subject: SV: Rapportera status [" + tag + "]\r\nMessage-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body + "\r\n";
        return raw.getBytes(StandardCharsets.UTF_8);
    }
}
