package se.ange.tertial.notify;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Records what became of a delivered batch (sent, failed, cancelled) in its transaction, before the commit: one JDBC
 * batch of updates of the columns a delivery changes, the same statement for every batch. The repository's
 * {@code updateAll} wrote all sixteen columns, each row bound through the entity mapping (issue 17).
 */
@Singleton
class OutboxOutcomes {

    static final String SQL = "UPDATE outbox_message SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
            + " sent_at = ?, body_text = ?, body_html = ? WHERE id = ?";

    private final JdbcOperations jdbc;

    OutboxOutcomes(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Within the delivering transaction: each message's state as it is to be recorded (see {@link OutboxMessage#sent}). */
    void record(List<OutboxMessage> settled) {
        jdbc.prepareStatement(SQL, statement -> {
            for (OutboxMessage message : settled) {
                statement.setString(1, message.state().name());
                statement.setInt(2, message.attempts());
                statement.setTimestamp(3, timestamp(message.nextAttemptAt()));
                statement.setString(4, message.lastError());
                statement.setTimestamp(5, timestamp(message.sentAt()));
                // only a sent sign-in link loses its body; the others write back what they read
                statement.setString(6, message.bodyText());
                statement.setString(7, message.bodyHtml());
                statement.setLong(8, message.id());
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
