package se.ange.tertial.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.system.Limits;

/**
 * Keeps a received mail exactly as it arrived, in a transaction of its own, before anything else is done with
 * it: from that commit on it cannot be lost, whatever its handling does. A mail is known by its Message-ID (or
 * the hash of its bytes), so the same mail kept twice (a crash between the commit and the mailbox's flag, a
 * gateway's retry) is one record. Also remembers when the next retry of a failed handling is due.
 */
@Singleton
class InboundMailStore {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailStore.class);
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_MESSAGE_ID = 500;

    private final InboundMailRepository mails;
    private final Backoff backoff;
    private final Clock clock;
    private final Period retention;
    /** When {@link InboundRetry} should next look for pending mail; null: nothing known to be pending. */
    private final AtomicReference<Instant> due;

    InboundMailStore(InboundMailRepository mails, InboundRetryConfig retry, Clock clock,
                     @Value("${tertial.mail.inbound-retention:P2Y}") Period retention) {
        this.mails = mails;
        this.backoff = retry.backoff();
        this.clock = clock;
        this.retention = retention;
        this.due = new AtomicReference<>(clock.instant()); // mail left pending by an earlier run
    }

    /**
     * The record of this mail to handle: a new one, or the one kept before if it is still PENDING; empty when
     * the mail was handled before. Throws when the database cannot store it; then nothing is kept and the
     * caller must leave the mail where it is.
     */
    @Transactional
    public Optional<InboundMail> keep(byte[] raw, String via) {
        Headers headers = Headers.read(raw);
        Optional<InboundOutcome> known = mails.findOutcomeByMessageId(headers.messageId());
        if (known.isPresent()) {
            // the raw message is loaded again only when it is still to be handled
            return known.get() == InboundOutcome.PENDING ? mails.findByMessageId(headers.messageId()) : Optional.empty();
        }
        return Optional.of(mails.save(new InboundMail(null, headers.messageId(), clock.instant(),
                headers.sender() == null ? null : Limits.fit(headers.sender(), Limits.EMAIL),
                headers.subject() == null ? null : Limits.fit(headers.subject(), 1000), raw, InboundOutcome.PENDING,
                null, null, via, LocalDate.now(clock).plus(retention), 0, null)));
    }

    /**
     * Records a failed handling (in its own transaction) and when to try again. Never throws: when the database
     * is gone this cannot be written either, and the retry is still planned, from the attempts known so far.
     */
    Instant failed(InboundMail kept, RuntimeException error) {
        Instant next = clock.instant().plus(backoff.after(kept.attempts() + 1));
        try {
            // shown on the received-mail page: no internals there (they are in the log)
            mails.failed(kept.id(), next, "Behandlingen misslyckades (" + error.getClass().getSimpleName()
                    + "), försöker igen");
        } catch (RuntimeException e) {
            LOG.debug("The failed handling of inbound mail {} could not be recorded: {}", kept.id(), e.toString());
        }
        dueAt(next);
        return next;
    }

    /** Pending mail is due by then at the latest. */
    void dueAt(Instant at) {
        due.accumulateAndGet(at, (current, next) -> current == null || next.isBefore(current) ? next : current);
    }

    /** When pending mail is next due, forgetting it: the pass that now runs plans the next one. */
    @Nullable
    Instant takeDue(Instant now) {
        Instant at = due.get();
        if (at == null || now.isBefore(at) || !due.compareAndSet(at, null)) {
            return null;
        }
        return at;
    }

    /** The headers that identify a mail, read leniently: a mail that cannot be read is still kept. */
    record Headers(String messageId, @Nullable String sender, @Nullable String subject) {

        static Headers read(byte[] raw) {
            try {
                // a shared stream: the body is not copied, only the headers are read
                MimeMessage message = new MimeMessage(SESSION, new SharedByteArrayInputStream(raw));
                String messageId = Optional.ofNullable(message.getMessageID()).map(String::strip)
                        .filter(id -> !id.isEmpty())
                        // a Message-ID longer than the column is known by its hash, so a second delivery is still a duplicate
                        .map(id -> id.length() > MAX_MESSAGE_ID ? "sha256:" + sha256(id.getBytes(StandardCharsets.UTF_8)) : id)
                        .orElseGet(() -> "sha256:" + sha256(raw));
                return new Headers(messageId, sender(message), subject(message));
            } catch (MessagingException | RuntimeException e) {
                return new Headers("sha256:" + sha256(raw), null, null);
            }
        }

        private static String sender(MimeMessage message) {
            try {
                return fromAddress(message);
            } catch (MessagingException e) {
                return null;
            }
        }

        private static String subject(MimeMessage message) {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                return null;
            }
        }
    }

    static String fromAddress(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return null;
        }
        return address.getAddress() == null ? null : address.getAddress().toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
