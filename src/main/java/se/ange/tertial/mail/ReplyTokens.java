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
import se.ange.tertial.system.AppSecrets;

/**
 * Signed reply tokens: {@code m<message>.p<person>.<tertial or ->.<expiry day>.<HMAC>}. The message names
 * the set of activities; only a reply carrying a valid, unexpired token is trusted.
 */
@Singleton
public class ReplyTokens {

    /** What a valid token says. */
    public record Claims(long messageId, long personId, @Nullable String tertial, LocalDate expires) {
    }

    private static final Pattern TOKEN = Pattern.compile("m(\\d+)\\.p(\\d+)\\.([0-9]{4}-T[123]|-)\\.(\\d+)\\.([A-Za-z0-9_-]{22})");

    private final MailConfig config;
    private final AppSecrets secrets;
    private volatile byte[] key;

    ReplyTokens(MailConfig config, AppSecrets secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    public String sign(Claims claims) {
        String payload = "m%d.p%d.%s.%d".formatted(claims.messageId(), claims.personId(),
                claims.tertial() == null ? "-" : claims.tertial(), claims.expires().toEpochDay());
        return payload + "." + mac(payload);
    }

    /** The claims of a well-formed, correctly signed token that has not expired on {@code today}. */
    public Optional<Claims> verify(String token, LocalDate today) {
        Matcher m = TOKEN.matcher(token == null ? "" : token.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String payload = token.trim().substring(0, token.trim().lastIndexOf('.'));
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                m.group(5).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        LocalDate expires = LocalDate.ofEpochDay(Long.parseLong(m.group(4)));
        if (today.isAfter(expires)) {
            return Optional.empty();
        }
        return Optional.of(new Claims(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                m.group(3).equals("-") ? null : m.group(3), expires));
    }

    /** Finds a token in a subject or a plus-address. */
    public static Optional<String> find(String text) {
        Matcher m = Pattern.compile("m\\d+\\.p\\d+\\.(?:[0-9]{4}-T[123]|-)\\.\\d+\\.[A-Za-z0-9_-]{22}")
                .matcher(text == null ? "" : text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
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
