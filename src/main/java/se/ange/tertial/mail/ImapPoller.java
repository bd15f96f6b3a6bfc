package se.ange.tertial.mail;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the reply mailbox: each message in the folder (read or not: handled mail is moved out) is handed to
 * {@link InboundMailProcessor}, which keeps it in the database first; only after that commit is it marked read
 * and moved to the processed folder. A message that cannot be kept (the database is unavailable) is left as
 * it is and tried again with back-off, tracked by its UID (and the folder's UIDVALIDITY), not by its flags.
 * The processor is idempotent on Message-ID, so a message kept before the move failed changes nothing.
 */
@Singleton
@Requires(property = "tertial.mail.imap.host", pattern = ".+")
public class ImapPoller {

    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);

    private final ImapConfig config;
    private final InboundMailProcessor processor;
    private final WaitingReplies waiting;
    private final Clock clock;
    private final MailTrust trust;
    private String accessToken;
    private Instant accessTokenExpires = Instant.EPOCH;

    ImapPoller(ImapConfig config, InboundMailProcessor processor, InboundRetryConfig retry, Clock clock,
               MailTrust trust) {
        this.trust = trust;
        this.config = config;
        this.processor = processor;
        this.waiting = new WaitingReplies(retry.backoff());
        this.clock = clock;
    }

    /** First poll {@code poll-initial-delay} after start (15 s), then every {@code poll-interval} (60 s). */
    @Scheduled(fixedDelay = "${tertial.mail.imap.poll-interval:60s}",
            initialDelay = "${tertial.mail.imap.poll-initial-delay:15s}")
    void scheduled() {
        try {
            pollOnce();
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.warn("Reply mailbox {} could not be read: {}", config.host(), e.getMessage());
        }
    }

    /**
     * Polls again when a message left in the mailbox is due for another try ({@link InboundRetry} asks every
     * second); an unreachable mailbox is tried again with the same back-off.
     */
    void retryWaiting(Instant now) {
        if (!waiting.due(now)) {
            return;
        }
        try {
            pollOnce();
        } catch (MessagingException | IOException | RuntimeException e) {
            waiting.pollFailed(now);
            LOG.warn("Reply mailbox {} could not be read for a retry: {}", config.host(), e.getMessage());
        }
    }

    /** When a message left in the mailbox is tried again; null when none is waiting. */
    Instant retryAt() {
        return waiting.retryAt();
    }

    /** @return how many messages were taken from the mailbox (kept, or known already) */
    public synchronized int pollOnce() throws MessagingException, IOException {
        int handled = 0;
        try (Store store = connect(config.timeoutMillis())) {
            Folder inbox = store.getFolder(config.folder());
            inbox.open(Folder.READ_WRITE);
            Folder processed = store.getFolder(config.processedFolder());
            if (!processed.exists()) {
                processed.create(Folder.HOLDS_MESSAGES);
            }
            try {
                handled = takeAll(inbox, processed);
            } finally {
                inbox.close(true);
            }
        }
        return handled;
    }

    private int takeAll(Folder inbox, Folder processed) throws MessagingException, IOException {
        UIDFolder uids = (UIDFolder) inbox;
        long validity = uids.getUIDValidity();
        Message[] messages = inbox.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.FLAGS);
        inbox.fetch(messages, profile);
        Set<WaitingReplies.Uid> present = new HashSet<>();
        for (Message message : messages) {
            present.add(new WaitingReplies.Uid(validity, uids.getUID(message)));
        }
        waiting.present(present);
        Instant now = clock.instant();
        int handled = 0;
        for (Message message : messages) {
            WaitingReplies.Uid uid = new WaitingReplies.Uid(validity, uids.getUID(message));
            if (message.isSet(Flags.Flag.DELETED) || waiting.waits(uid, now)) {
                continue;
            }
            if (message instanceof IMAPMessage imap) {
                imap.setPeek(true); // reading it must not mark it read: only a kept message is
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            InboundMailProcessor.Result result;
            try {
                result = processor.process(raw.toByteArray(), "IMAP");
            } catch (RuntimeException e) {
                WaitingReplies.Waiting next = waiting.failed(uid, now);
                LOG.warn("A reply (UID {}) could not be kept and stays unread in {}; next try at {} (failure {}): {}",
                        uid.uid(), config.folder(), next.until(), next.failures(), e.getMessage());
                break; // the database is unavailable: the next message would only wait for the pool as well
            }
            // kept (committed): only now is it marked and moved; a crash before this keeps it here, known by Message-ID
            LOG.debug("Reply taken from the mailbox: {}", result.outcome());
            waiting.kept(uid, now);
            message.setFlag(Flags.Flag.SEEN, true);
            move(inbox, processed, message);
            handled++;
        }
        waiting.polled();
        return handled;
    }

    /**
     * A connected store for the reply mailbox, by password or an OAuth2 access token (XOAUTH2).
     * {@code readTimeoutMillis} must outlast an IDLE on the watcher's connection.
     */
    Store connect(long readTimeoutMillis) throws MessagingException, IOException {
        String protocol = config.protocol();
        Properties properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(config.timeoutMillis()));
        properties.put("mail." + protocol + ".timeout", String.valueOf(readTimeoutMillis));
        properties.put("mail." + protocol + ".starttls.enable", "true");
        // TLS and STARTTLS: chain (the JVM's CAs and TERTIAL_MAIL_TRUSTED_CA) and host checked
        properties.put("mail." + protocol + ".ssl.socketFactory", trust.socketFactory());
        properties.putAll(trust.checks(protocol));
        String secret = config.password();
        if (config.oauth2()) {
            properties.put("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
            secret = accessToken();
        }
        Store store = Session.getInstance(properties).getStore(protocol);
        try {
            store.connect(config.host(), config.port(), config.username(), secret);
        } catch (MessagingException e) {
            var untrusted = MailTrust.untrusted(e, "IMAP", config.host(), "TERTIAL_MAIL_IMAP_HOST");
            if (untrusted.isPresent()) {
                throw new MessagingException(untrusted.get(), e);
            }
            throw e;
        }
        return store;
    }

    private static void move(Folder from, Folder to, Message message) throws MessagingException {
        if (from instanceof IMAPFolder imap) {
            try {
                imap.moveMessages(new Message[] {message}, to);
                return;
            } catch (MessagingException noMoveExtension) {
                // fall back to copy and delete
            }
        }
        from.copyMessages(new Message[] {message}, to);
        message.setFlag(Flags.Flag.DELETED, true);
    }

    /** An OAuth2 access token by client credentials, cached until shortly before it expires. */
    private String accessToken() throws IOException {
        if (accessToken != null && Instant.now().isBefore(accessTokenExpires)) {
            return accessToken;
        }
        String form = Map.of("grant_type", "client_credentials", "client_id", config.oauth2ClientId(),
                        "client_secret", config.oauth2ClientSecret(), "scope", config.oauth2Scope())
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(config.oauth2TokenUrl()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("OAuth2 token endpoint answered " + response.statusCode());
            }
            Map<String, Object> json = JSONObjectUtils.parse(response.body());
            accessToken = JSONObjectUtils.getString(json, "access_token");
            long expiresIn = json.get("expires_in") instanceof Number n ? n.longValue() : 3600;
            accessTokenExpires = Instant.now().plusSeconds(Math.max(60, expiresIn - 60));
            return accessToken;
        } catch (ParseException e) {
            throw new IOException("OAuth2 token endpoint gave no JSON", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
