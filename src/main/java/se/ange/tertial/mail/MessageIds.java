package se.ange.tertial.mail;

import io.micronaut.context.annotation.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Supplier;
import se.ange.tertial.system.AppSecrets;

/**
 * Each outbox message's Message-ID, {@code <outbox-{id}.{20 hex}@{hostname}>}, the same on every attempt (also one
 * after a crash between the SMTP send and the commit), so a duplicate is recognisable as one. The hex part is an
 * HMAC of the id under a key of this installation's own: derived rather than stored, it costs no statement per
 * message, and a recreated database (a new key, ids from 1 again) never repeats an earlier installation's IDs.
 */
@Singleton
@Context   // created at start: a hostname that is no usable name stops the start with a clear message
class MessageIds {

    static final String KEY = "message-id-key";

    private final Supplier<String> secret;
    private final String hostname;
    private volatile Hmac key;

    @Inject
    MessageIds(AppSecrets secrets, MailConnectionConfig connection, MailConfig mail) {
        this(() -> secrets.getOrCreate(KEY), connection.effectiveHostname(mail.from()));
    }

    /** {@code secret}: the installation's key, asked for once, at the first message. */
    MessageIds(Supplier<String> secret, String hostname) {
        this.secret = secret;
        this.hostname = hostname;
    }

    /** The message's Message-ID, angle brackets included. */
    String of(long outboxId) {
        byte[] digest = key().of(("outbox-" + outboxId).getBytes(StandardCharsets.US_ASCII));
        return "<outbox-" + outboxId + "." + HexFormat.of().formatHex(digest, 0, 10) + "@" + hostname + ">";
    }

    String hostname() {
        return hostname;
    }

    private Hmac key() {
        if (key == null) {
            key = new Hmac(secret.get().getBytes(StandardCharsets.US_ASCII));
        }
        return key;
    }
}
