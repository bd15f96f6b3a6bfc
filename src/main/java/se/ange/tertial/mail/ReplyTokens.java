package se.ange.tertial.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.system.AppSecrets;

/**
 * Signed reply tokens. A reminder carries the short form {@code m<message>-<HMAC>} (at the end of its
 * subject and in the Reply-To plus address); the person, tertial and expiry are those of the outbox message
 * it names. The long form {@code m<message>.p<person>.<tertial or ->.<expiry day>.<HMAC>} of older reminders
 * is still read. The message names the set of activities; only a reply carrying a valid, unexpired token is
 * trusted.
 */
@Singleton
public class ReplyTokens {

    /** What a valid token says. */
    public record Claims(long messageId, long personId, @Nullable String tertial, LocalDate expires) {
    }

    private static final Pattern TOKEN = Pattern.compile("m(\\d+)\\.p(\\d+)\\.([0-9]{4}-T[123]|-)\\.(\\d+)\\.([A-Za-z0-9_-]{22})");
    private static final Pattern SHORT = Pattern.compile("m(\\d+)-([A-Za-z0-9_-]{12})");
    private static final Pattern FIND_SHORT = Pattern.compile("(?<![A-Za-z0-9_.-])m\\d+-[A-Za-z0-9_-]{12}(?![A-Za-z0-9_-])");

    private final MailConfig config;
    private final AppSecrets secrets;
    private final OutboxRepository outbox;
    private final ReminderItemRepository items;
    private volatile byte[] key;

    ReplyTokens(MailConfig config, AppSecrets secrets, OutboxRepository outbox, ReminderItemRepository items) {
        this.config = config;
        this.secrets = secrets;
        this.outbox = outbox;
        this.items = items;
    }

    /** The short tag of a reminder: {@code m<message>-<12 characters of HMAC>}. */
    public String signShort(long messageId) {
        String payload = "m" + messageId;
        return payload + "-" + mac("short:" + payload).substring(0, 12);
    }

    /**
     * The claims of a correctly signed token, whether or not it has expired (the caller compares
     * {@link Claims#expires()} with today: an expired reminder is answered differently from a forged one).
     */
    public Optional<Claims> read(String token) {
        String trimmed = token == null ? "" : token.trim();
        Matcher s = SHORT.matcher(trimmed);
        if (s.matches()) {
            String payload = "m" + s.group(1);
            if (!MessageDigest.isEqual(mac("short:" + payload).substring(0, 12).getBytes(StandardCharsets.US_ASCII),
                    s.group(2).getBytes(StandardCharsets.US_ASCII))) {
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
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                m.group(5).getBytes(StandardCharsets.US_ASCII))) {
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
        return payload + "." + mac(payload);
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

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] full = mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (key == null) {
            String secret = config.replySecret() != null && !config.replySecret().isBlank()
                    ? config.replySecret() : secrets.getOrCreate("mail-reply-token");
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
        return key;
    }
}
