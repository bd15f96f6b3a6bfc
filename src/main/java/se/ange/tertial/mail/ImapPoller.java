package se.ange.tertial.mail;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the reply mailbox: each unread message is handed to {@link InboundMailProcessor}, then marked read
 * and moved to the processed folder. A message that cannot be handled stays, marked read, for a person to
 * look at (and is logged); the processor is idempotent on Message-ID, so a retry changes nothing.
 */
@Singleton
@Requires(property = "tertial.mail.imap.host", pattern = ".+")
public class ImapPoller {

    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);

    private final ImapConfig config;
    private final InboundMailProcessor processor;
    private final MailTrust trust;
    private String accessToken;
    private Instant accessTokenExpires = Instant.EPOCH;

    ImapPoller(ImapConfig config, InboundMailProcessor processor, MailTrust trust) {
        this.trust = trust;
        this.config = config;
        this.processor = processor;
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

    /** @return how many messages were handled */
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
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    message.writeTo(raw);
                    message.setFlag(Flags.Flag.SEEN, true);
                    try {
                        InboundMailProcessor.Result result = processor.process(raw.toByteArray(), "IMAP");
                        LOG.debug("Reply handled: {}", result.outcome());
                        move(inbox, processed, message);
                        handled++;
                    } catch (RuntimeException e) {
                        LOG.warn("A reply could not be handled and stays in {}: {}", config.folder(), e.getMessage());
                    }
                }
            } finally {
                inbox.close(true);
            }
        }
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
