package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.OutboxState;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Ports;
import se.ange.tertial.support.TestPki;

/**
 * SMTPS and IMAPS check the server's certificate: one from a CA nobody configured is refused with a plain
 * error and retried, the same with {@code TERTIAL_MAIL_TRUSTED_CA} naming that CA goes through, and a trusted
 * certificate for another name is refused too. GreenMail presents a certificate for {@code localhost} signed by
 * a throw-away CA ({@link TestPki}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailTlsTest {

    private static final String EMMA = "emma.berglund@ange.example";

    private TestPki pki;
    private GreenMail server;
    private int smtps;
    private int imaps;

    @BeforeAll
    void start() {
        pki = TestPki.get();
        smtps = Ports.free();
        imaps = Ports.free();
        server = new GreenMail(new ServerSetup[] {new ServerSetup(smtps, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
            new ServerSetup(imaps, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS)});
        server.start();
        server.setUser(se.ange.tertial.support.MailServer.MAILBOX, "tertial", "mailbox-password");
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private ApplicationContext tertial(String host, String trustedCa) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("tertial.test.clock", "2024-03-28T07:00:00Z");
        properties.put("tertial.mail.smtp.host", host);
        properties.put("tertial.mail.smtp.port", String.valueOf(smtps));
        properties.put("tertial.mail.smtp.transport", "SMTPS");
        properties.put("tertial.mail.smtp.timeout-millis", "5000");
        properties.put("tertial.mail.imap.host", host);
        properties.put("tertial.mail.imap.port", String.valueOf(imaps));
        properties.put("tertial.mail.imap.protocol", "imaps");
        properties.put("tertial.mail.imap.username", "tertial");
        properties.put("tertial.mail.imap.password", "mailbox-password");
        properties.put("tertial.mail.imap.idle", "false");
        properties.put("tertial.mail.imap.poll-interval", "1h");
        properties.put("tertial.mail.imap.poll-initial-delay", "1h");
        if (trustedCa != null) {
            properties.put("tertial.mail.trusted-ca", trustedCa);
        }
        return ApplicationContext.run(properties, "test");
    }

    /** One notice for Emma, taken by one delivery attempt; the row as it is afterwards. */
    private static OutboxMessage deliverANotice(ApplicationContext context) {
        Person emma = context.getBean(PersonRepository.class).save(new Person(null, "Emma Berglund", EMMA, null, null,
                null, null, Language.SV, true, null, ReminderChannel.EMAIL));
        OutboxRepository outbox = context.getBean(OutboxRepository.class);
        OutboxMessage notice = outbox.save(OutboxMessage.prepared(emma.id(), MessageKind.NOTICE, "tls-" + emma.id(),
                "Meddelande", "Hej!", null, LocalDate.parse("2024-03-28"), Instant.parse("2024-03-28T07:00:00Z")));
        assertThat(context.getBean(OutboxDelivery.class).deliverOne()).isTrue();
        return outbox.findById(notice.id()).orElseThrow();
    }

    private int received() {
        return server.getReceivedMessagesForDomain("ange.example").length;
    }

    @Test
    void a_certificate_from_an_unconfigured_ca_is_refused_plainly_and_the_mail_waits_for_a_retry() throws Exception {
        int before = received();
        try (ApplicationContext context = tertial("localhost", pki.otherCaPem.toString())) {
            OutboxMessage after = deliverANotice(context);
            assertThat(after.state()).isEqualTo(OutboxState.PENDING);
            assertThat(after.attempts()).isEqualTo(1);
            assertThat(after.lastError()).startsWith("SMTP server certificate is not trusted (localhost: ")
                    .endsWith("): set TERTIAL_MAIL_TRUSTED_CA to the CA's PEM bundle");
            assertThat(received()).isEqualTo(before);

            ImapPoller imap = context.getBean(ImapPoller.class);
            assertThatThrownBy(imap::pollOnce).isInstanceOf(MessagingException.class)
                    .hasMessageStartingWith("IMAP server certificate is not trusted (localhost: ")
                    .hasMessageEndingWith("): set TERTIAL_MAIL_TRUSTED_CA to the CA's PEM bundle");
        }
    }

    @Test
    void with_the_ca_in_trusted_ca_the_mail_is_delivered_and_the_mailbox_read() throws Exception {
        int before = received();
        try (ApplicationContext context = tertial("localhost", pki.caPem.toString())) {
            OutboxMessage after = deliverANotice(context);
            assertThat(after.lastError()).isNull();
            assertThat(after.state()).isEqualTo(OutboxState.SENT);
            assertThat(received()).isEqualTo(before + 1);
            assertThat(context.getBean(ImapPoller.class).pollOnce()).isZero();
        }
    }

    @Test
    void a_trusted_certificate_for_another_name_is_refused() throws Exception {
        int before = received();
        // the certificate names localhost, not 127.0.0.1
        try (ApplicationContext context = tertial("127.0.0.1", pki.caPem.toString())) {
            OutboxMessage after = deliverANotice(context);
            assertThat(after.state()).isEqualTo(OutboxState.PENDING);
            assertThat(after.lastError()).startsWith("SMTP server certificate does not name the host (127.0.0.1: ")
                    .endsWith("): set TERTIAL_MAIL_SMTP_HOST to a name the certificate is for");
            assertThat(received()).isEqualTo(before);
            assertThatThrownBy(() -> context.getBean(ImapPoller.class).pollOnce())
                    .hasMessageStartingWith("IMAP server certificate does not name the host (127.0.0.1: ")
                    .hasMessageEndingWith("): set TERTIAL_MAIL_IMAP_HOST to a name the certificate is for");
        }
    }

    @Test
    void starttls_and_smtps_sessions_use_the_trust_check_the_host_greet_with_the_hostname_and_never_fall_back() {
        for (String transport : new String[] {"SMTP", "SMTP_TLS", "SMTPS"}) {
            String protocol = transport.equals("SMTPS") ? "smtps" : "smtp";
            try (ApplicationContext context = ApplicationContext.run(Map.of("tertial.mail.smtp.host", "localhost",
                    "tertial.mail.smtp.transport", transport, "tertial.mail.hostname", "tertial.ange.example",
                    "tertial.mail.trusted-ca", pki.caPem.toString()), "test")) {
                java.util.Properties session = context.getBean(MailNotifier.class).mailer().getSession().getProperties();
                assertThat(session.get("mail." + protocol + ".ssl.socketFactory")).as(transport)
                        .isSameAs(context.getBean(MailTrust.class).socketFactory());
                assertThat(session).as(transport).containsEntry("mail." + protocol + ".ssl.checkserveridentity", "true")
                        .containsEntry("mail." + protocol + ".socketFactory.fallback", "false")
                        .containsEntry("mail." + protocol + ".localhost", "tertial.ange.example")
                        .doesNotContainKey("mail." + protocol + ".ssl.trust");
            }
        }
    }

    @Test
    void an_unreadable_trusted_ca_file_is_a_plain_retried_failure() {
        try (ApplicationContext context = tertial("localhost", pki.caPem.resolveSibling("missing.pem").toString())) {
            OutboxMessage after = deliverANotice(context);
            assertThat(after.state()).isEqualTo(OutboxState.PENDING);
            assertThat(after.lastError()).startsWith("TERTIAL_MAIL_TRUSTED_CA (" + pki.caPem.resolveSibling("missing.pem")
                    + ") cannot be used: ");
        }
    }

    @Test
    void a_localhost_hostname_stops_the_start_with_a_clear_message() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("tertial.mail.from", "tertial@localhost"), "test").close())
                .hasStackTraceContaining("set TERTIAL_MAIL_HOSTNAME to the service's own name");
    }
}
