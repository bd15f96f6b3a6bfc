package se.ange.tertial.mail;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.converter.EmailConverter;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.system.DataDirectory;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.Notifier;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;

/**
 * Sends reminders by e-mail with Simple Java Mail, both plain text and HTML, with a short signed reply tag at
 * the end of the subject (and in the Reply-To address when a reply mailbox is configured). Without SMTP settings the
 * mail is written to {@code <data dir>/outbox/} as an .eml file.
 */
@Singleton
class MailNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);

    private final SmtpConfig smtp;
    private final MailConfig config;
    private final ReminderMail templates;
    private final ReplyTokens tokens;
    private final Clock clock;
    private final Path outboxDir;
    private final MessageIds messageIds;
    private final MailTrust trust;
    private volatile Mailer mailer;
    /** One SMTP connection per outbox worker, so no worker waits for another's connection. */
    private final int poolSize;

    MailNotifier(SmtpConfig smtp, MailConfig config, ReminderMail templates, ReplyTokens tokens, Clock clock,
                 @Value("${tertial.data-dir:./data}") String dataDir,
                 @Value("${tertial.outbox.workers:4}") int workers, MessageIds messageIds, MailTrust trust) {
        this.poolSize = Math.max(1, workers);
        this.messageIds = messageIds;
        this.trust = trust;
        this.smtp = smtp;
        this.config = config;
        this.templates = templates;
        this.tokens = tokens;
        this.clock = clock;
        this.outboxDir = Path.of(dataDir, "outbox");
    }

    @Override
    public ReminderChannel channel() {
        return ReminderChannel.EMAIL;
    }

    @Override
    public void deliver(OutboxMessage message, Person recipient, List<ReminderItemRow> items,
                        Map<String, ActivityView> activities) throws DeliveryFailure {
        if (message.kind() != MessageKind.REMINDER) {
            var prepared = EmailBuilder.startingBlank()
                    .from(config.from())
                    .to(recipient.name(), recipient.email())
                    .withSubject(message.subject())
                    .withPlainText(message.bodyText())
                    .withHeader("X-Tertial-Outbox-Id", String.valueOf(message.id()))
                    .fixingMessageId(messageIds.of(message.id()))
                    // answers to a reply are auto-replied; digests are generated on a schedule
                    .withHeader("Auto-Submitted", message.kind() == MessageKind.DIGEST || message.kind() == MessageKind.SIGN_IN
                            ? "auto-generated" : "auto-replied");
            if (message.bodyHtml() != null) {
                prepared = prepared.withHTMLText(message.bodyHtml());
            }
            if (message.inReplyTo() != null) {
                prepared = prepared.withHeader("In-Reply-To", message.inReplyTo()).withHeader("References", message.inReplyTo());
            }
            send(message, prepared.buildEmail());
            return;
        }
        ReminderMail.Rendered rendered = templates.render(recipient, items, activities);
        if (rendered.activities() == 0) {
            LOG.info("Reminder {} to person {} not sent: everything in it was reported before delivery",
                    message.id(), recipient.id());
            return;
        }
        String token = tokens.signShort(message.id());
        var builder = EmailBuilder.startingBlank()
                .from(config.from())
                .to(recipient.name(), recipient.email())
                .withSubject(rendered.subject() + " [" + token + "]")
                .withPlainText(rendered.text())
                .withHTMLText(rendered.html())
                .withHeader("X-Tertial-Outbox-Id", String.valueOf(message.id()))
                .fixingMessageId(messageIds.of(message.id()))
                .withHeader("Auto-Submitted", "auto-generated");
        if (config.replyAddress() != null && !config.replyAddress().isBlank()) {
            String address = config.replyAddress();
            int at = address.indexOf('@');
            builder = builder.withReplyTo(address.substring(0, at) + "+" + token + address.substring(at));
        }
        send(message, builder.buildEmail());
    }

    private void send(OutboxMessage message, Email email) throws DeliveryFailure {
        if (!smtp.configured()) {
            writeEml(message, email);
            return;
        }
        try {
            mailer().sendMail(email).get();
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted", e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /** An untrusted certificate says so and what to do: the operator reads it in the log and on the outbox page. */
    private DeliveryFailure failure(Throwable e) {
        if (e instanceof MailTrust.UnusableBundle) {
            return new DeliveryFailure(e.getMessage(), e);
        }
        return MailTrust.untrusted(e, "SMTP", smtp.host(), "TERTIAL_MAIL_SMTP_HOST")
                .map(message -> new DeliveryFailure(message, e))
                .orElseGet(() -> new DeliveryFailure("SMTP: " + rootMessage(e), e));
    }

    private void writeEml(OutboxMessage message, Email email) throws DeliveryFailure {
        try {
            // the .eml carries a live reply token: 0700 directory, 0600 file from the moment it exists
            DataDirectory.ensurePrivateDirectory(outboxDir);
            Path file = outboxDir.resolve(message.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + message.id() + ".eml");
            jakarta.mail.internet.MimeMessage mime = EmailConverter.emailToMimeMessage(email);
            DataDirectory.writePrivate(file, out -> {
                try {
                    mime.writeTo(out);
                } catch (jakarta.mail.MessagingException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
            LOG.info("No SMTP server configured: message {} written to {}", message.id(), file.toAbsolutePath());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DeliveryFailure("cannot write .eml: " + e.getMessage(), e);
        }
    }

    /** The innermost cause says what went wrong (connection refused, 5xx from the server, …). */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getClass().getSimpleName() + ": " + root;
    }

    /**
     * The pooled SMTP connections keep the JVM alive until closed. Runs after the outbox workers have stopped
     * (they depend on this bean); waits a little for the connections to say QUIT, not for a hung one.
     */
    @PreDestroy
    void close() {
        Mailer current = mailer;
        if (current != null) {
            try {
                current.shutdownConnectionPool().get(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.debug("Closing the SMTP connections: {}", String.valueOf(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Mailer mailer() {
        if (mailer == null) {
            synchronized (this) {
                if (mailer == null) {
                    TransportStrategy transport = TransportStrategy.valueOf(smtp.transport());
                    // SMTPS is Jakarta Mail's protocol "smtps", whose settings are mail.smtps.*
                    String protocol = transport == TransportStrategy.SMTPS ? "smtps" : "smtp";
                    var builder = MailerBuilder.withSMTPServer(smtp.host(), smtp.port(), smtp.username(), smtp.password())
                            .withTransportStrategy(transport)
                            // Simple Java Mail trusts every host unless told otherwise
                            .trustingAllHosts(false)
                            .verifyingServerIdentity(true)
                            .withProperty("mail." + protocol + ".localhost", messageIds.hostname())
                            // sets mail.smtp(s).connectiontimeout, .timeout and .writetimeout: a hung server fails the send
                            .withSessionTimeout(smtp.timeoutMillis())
                            .withConnectionPoolCoreSize(0)
                            .withConnectionPoolMaxSize(poolSize)
                            .withConnectionPoolExpireAfterMillis(30_000);
                    // chain and host checked against the JVM's CAs plus TERTIAL_MAIL_TRUSTED_CA (STARTTLS and SMTPS)
                    builder.withCustomSSLFactoryInstance(trust.socketFactory());
                    trust.checks(protocol).forEach((key, value) -> builder.withProperty((String) key, value));
                    Mailer built = builder.buildMailer();
                    if (transport == TransportStrategy.SMTPS) {
                        // Simple Java Mail sets that factory as mail.smtp.* only, and withProperty turns values into
                        // strings: SMTPS ("smtps") gets the object in its session directly
                        built.getSession().getProperties().put("mail.smtps.ssl.socketFactory", trust.socketFactory());
                    }
                    mailer = built;
                }
            }
        }
        return mailer;
    }
}
