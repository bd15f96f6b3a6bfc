package se.ange.tertial.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.system.AppSecrets;

/**
 * Signed reply tokens. A reminder carries the short form {@code m<message>.k<key>-<HMAC>} (at the end of its
 * subject and in the Reply-To plus address): {@code <key>} names the signing key (two characters derived
 * from it), so that a new key can be rolled in while tokens signed with an earlier one stay valid until they
 * expire. The person, tertial and expiry are those of the outbox message it names. Older reminders' forms are
 * still read, checked against every key still accepted: the short form without a key {@code m<message>-<HMAC>}
 * and the long form {@code m<message>.p<person>.<tertial or ->.<expiry day>.<HMAC>}. The message names the set
 * of activities; only a reply carrying a valid, unexpired token is trusted.
 *
 * <p>Keys: {@code tertial.mail.reply-secret} signs (unset: a key generated once and kept in the database);
 * {@code tertial.mail.reply-previous-secrets} are still accepted; so is the generated key after a configured
 * one has replaced it (delete it from {@code app_secret} and restart the instances to stop that: it is read once per process).
 */
@Singleton
public class ReplyTokens {

    /** What a valid token says. */
    public record Claims(long messageId, long personId, @Nullable String tertial, LocalDate expires) {
    }

    /** A signing key, the id tokens name it by, and its HMAC ready on every thread. */
    record Key(String id, byte[] secret, Hmac hmac) {
    }

    static final String GENERATED = "mail-reply-token";
    private static final Pattern TOKEN = Pattern.compile("m(\\d+)\\.p(\\d+)\\.([0-9]{4}-T[123]|-)\\.(\\d+)\\.([A-Za-z0-9_-]{22})");
    private static final Pattern SHORT = Pattern.compile("m(\\d+)(?:\\.k([0-9a-z]{2}))?-([A-Za-z0-9_-]{12})");
    private static final Pattern FIND_SHORT =
            Pattern.compile("(?<![A-Za-z0-9_.-])m\\d+(?:\\.k[0-9a-z]{2})?-[A-Za-z0-9_-]{12}(?![A-Za-z0-9_-])");

    private final MailConfig config;
    private final AppSecrets secrets;
    private final OutboxRepository outbox;
    private final ReminderItemRepository items;
    private volatile List<Key> keys;

    ReplyTokens(MailConfig config, AppSecrets secrets, OutboxRepository outbox, ReminderItemRepository items) {
        this.config = config;
        this.secrets = secrets;
        this.outbox = outbox;
        this.items = items;
    }

    /** The short tag of a reminder: {@code m<message>.k<key id>-<12 characters of HMAC>}. */
    public String signShort(long messageId) {
        Key current = keys().get(0);
        String payload = "m" + messageId + ".k" + current.id();
        return payload + "-" + mac(current, "short:" + payload).substring(0, 12);
    }

    /**
     * The claims of a correctly signed token, whether or not it has expired (the caller compares
     * {@link Claims#expires()} with today: an expired reminder is answered differently from a forged one).
     */
    public Optional<Claims> read(String token) {
        String trimmed = token == null ? "" : token.trim();
        Matcher s = SHORT.matcher(trimmed);
        if (s.matches()) {
            String keyId = s.group(2);
            String payload = "m" + s.group(1) + (keyId == null ? "" : ".k" + keyId);
            boolean signed = keys().stream().filter(key -> keyId == null || key.id().equals(keyId))
                    .anyMatch(key -> equal(mac(key, "short:" + payload).substring(0, 12), s.group(3)));
            if (!signed) {
                return Optional.empty();
            }
            long messageId = Long.parseLong(s.group(1));
            return outbox.findById(messageId).map(message -> {
                String tertial = items.findByMessageIdOrderById(messageId).stream().map(ReminderItemRow::tertial)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                return new Claims(messageId, message.recipientId(), tertial, expiry(tertial, message.sendOn()));
            });
        }
        Matcher m = TOKEN.matcher(trimmed);
        if (!m.matches()) {
            return Optional.empty();
        }
        String payload = trimmed.substring(0, trimmed.lastIndexOf('.'));
        if (keys().stream().noneMatch(key -> equal(mac(key, payload), m.group(5)))) {
            return Optional.empty();
        }
        return Optional.of(new Claims(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                m.group(3).equals("-") ? null : m.group(3), LocalDate.ofEpochDay(Long.parseLong(m.group(4)))));
    }

    /** Replies are accepted some weeks after the tertial closes (or after the message, when no tertial). */
    public LocalDate expiry(@Nullable String tertial, LocalDate sentOn) {
        LocalDate base = tertial == null ? sentOn : Tertial.parse(tertial).closingDate();
        return base.plusDays(config.replyValidDays());
    }

    public String sign(Claims claims) {
        String payload = "m%d.p%d.%s.%d".formatted(claims.messageId(), claims.personId(),
                claims.tertial() == null ? "-" : claims.tertial(), claims.expires().toEpochDay());
        return payload + "." + mac(keys().get(0), payload);
    }

    /** The claims of a well-formed, correctly signed token that has not expired on {@code today}. */
    public Optional<Claims> verify(String token, LocalDate today) {
        return read(token).filter(claims -> !today.isAfter(claims.expires()));
    }

    /** Finds a token in a subject or a plus-address. */
    public static Optional<String> find(String text) {
        Matcher m = Pattern.compile("m\\d+\\.p\\d+\\.(?:[0-9]{4}-T[123]|-)\\.\\d+\\.[A-Za-z0-9_-]{22}")
                .matcher(text == null ? "" : text);
        if (m.find()) {
            return Optional.of(m.group());
        }
        Matcher s = FIND_SHORT.matcher(text == null ? "" : text);
        return s.find() ? Optional.of(s.group()) : Optional.empty();
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(Key key, String payload) {
        byte[] full = key.hmac().of(payload.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
    }

    /** The keys accepted, the one that signs first. */
    List<Key> keys() {
        if (keys == null) {
            List<Key> accepted = new ArrayList<>();
            boolean configured = config.replySecret() != null && !config.replySecret().isBlank();
            if (configured) {
                accepted.add(key(config.replySecret().trim()));
            } else {
                accepted.add(key(secrets.getOrCreate(GENERATED)));
            }
            if (config.replyPreviousSecrets() != null) {
                config.replyPreviousSecrets().stream().filter(java.util.Objects::nonNull).map(String::trim)
                        .filter(secret -> !secret.isEmpty()).map(ReplyTokens::key).forEach(accepted::add);
            }
            if (configured) {
                // tokens signed with the generated key before a key was configured stay valid until they expire
                secrets.find(GENERATED).map(ReplyTokens::key).ifPresent(accepted::add);
            }
            keys = List.copyOf(accepted);
        }
        return keys;
    }

    /**
     * A key and its id: two characters ({@code 0-9a-z}) of a hash of it, so every instance names it alike. Two
     * keys may share an id; a token is then checked against both.
     */
    static Key key(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("tertial reply key id:" + secret).getBytes(StandardCharsets.UTF_8));
            int n = ((digest[0] & 0xff) << 8 | (digest[1] & 0xff)) % (36 * 36);
            String id = Character.forDigit(n / 36, 36) + "" + Character.forDigit(n % 36, 36);
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            return new Key(id, bytes, new Hmac(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
