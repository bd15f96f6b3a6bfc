package se.ange.tertial.chat.slack;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers which signed Slack requests were handled, in the database so that every instance sees the same:
 * the same request (timestamp and signature) delivered again while its signature is still accepted is a
 * replay and is not handled again. Rows are removed once the request's window is over.
 *
 * <p>Slack's time, not the municipality's: the window is checked against the real clock, as Slack signs with it.
 */
@Singleton
class SlackReplay {

    /** How far a request's timestamp may be from now, either way (Slack's own rule for the past). */
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** Kept a little past the window, for clocks of instances that differ by a few seconds. */
    private static final Duration KEEP = WINDOW.plusMinutes(1);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);

    @Inject
    SlackReplay(JdbcOperations jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    SlackReplay(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether a request's timestamp (seconds since the epoch, as Slack sends it) is within the window of now. */
    boolean withinWindow(String timestamp) {
        return epochSecond(timestamp) != null
                && Duration.between(Instant.ofEpochSecond(epochSecond(timestamp)), clock.instant()).abs().compareTo(WINDOW) <= 0;
    }

    /**
     * Notes a verified request as handled: true the first time, false when any instance already noted it.
     *
     * @param timestamp the {@code X-Slack-Request-Timestamp}, already checked with {@link #withinWindow}
     * @param signature the {@code X-Slack-Signature}, already verified
     */
    @Transactional
    boolean firstTime(String timestamp, String signature) {
        Instant now = clock.instant();
        prune(now);
        Long seconds = epochSecond(timestamp);
        Instant expires = (seconds == null ? now : Instant.ofEpochSecond(seconds)).plus(KEEP);
        String key = key(timestamp, signature);
        int inserted = jdbc.prepareStatement(
                "INSERT INTO slack_request_seen (request_key, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                statement -> {
                    statement.setString(1, key);
                    statement.setTimestamp(2, Timestamp.from(expires));
                    return statement.executeUpdate();
                });
        return inserted == 1;
    }

    private void prune(Instant now) {
        Instant last = lastPrune.get();
        if (now.isBefore(last.plus(PRUNE_EVERY)) || !lastPrune.compareAndSet(last, now)) {
            return;
        }
        jdbc.prepareStatement("DELETE FROM slack_request_seen WHERE expires_at < ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            return statement.executeUpdate();
        });
    }

    static String key(String timestamp, String signature) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("v0:" + timestamp + ":" + signature).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    private static Long epochSecond(String timestamp) {
        if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 12 || !timestamp.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(timestamp);
    }
}
