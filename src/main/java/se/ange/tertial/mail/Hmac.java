package se.ange.tertial.mail;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, ready on every thread: {@code Mac.getInstance} and {@code init} (a provider look-up
 * and the key schedule) once per key and thread instead of once per message; a Mac is not thread-safe, so each
 * thread has its own clone of the initialised one.
 */
final class Hmac {

    private final ThreadLocal<Mac> macs;

    Hmac(byte[] key) {
        Mac initialised = create(key);
        this.macs = ThreadLocal.withInitial(() -> copy(initialised));
    }

    /** The HMAC of {@code data} (the thread's Mac is reset by {@code doFinal}). */
    byte[] of(byte[] data) {
        return macs.get().doFinal(data);
    }

    private static Mac create(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** A clone shares nothing mutable with the original; cloning is synchronised as the original is shared. */
    private static Mac copy(Mac initialised) {
        try {
            synchronized (initialised) {
                return (Mac) initialised.clone();
            }
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }
}
