package se.ange.tertial.register.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API tokens are 256 random bits, so a plain SHA-256 is enough to store them safely (no salt or
 * slow hash needed, unlike passwords) and lets a request be looked up by its hash.
 */
public final class TokenHash {

    public static final String PREFIX = "tert_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String of(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(of(given).getBytes(StandardCharsets.UTF_8),
                of(expected).getBytes(StandardCharsets.UTF_8));
    }
}
