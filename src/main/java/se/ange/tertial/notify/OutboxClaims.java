package se.ange.tertial.notify;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Takes the next due outbox message for a worker, its row locked until the worker's transaction ends, so
 * that no other worker (thread or instance) takes it meanwhile. On PostgreSQL that is {@code FOR UPDATE SKIP
 * LOCKED}. H2 (embedded: one instance) has no SKIP LOCKED and its {@code FOR UPDATE} with {@code LIMIT}
 * locks every matching row, so there the workers of this JVM skip each other's messages through an in-memory
 * set, kept until the holder's transaction has ended ({@link #release}).
 */
@Singleton
class OutboxClaims {

    private static final String DUE = "SELECT id FROM outbox_message WHERE state = ? AND next_attempt_at <= ?";

    private final JdbcOperations jdbc;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private volatile Boolean postgres;

    OutboxClaims(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Within a transaction: the id of a due message now locked by it. {@code held} is told the id as soon as
     * it is reserved; pass that id to {@link #release} after the transaction.
     */
    Optional<Long> claim(Instant now, LongConsumer held) {
        if (postgres()) {
            return firstDue(now, List.of(), " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED");
        }
        while (true) {
            Optional<Long> candidate = firstDue(now, List.copyOf(inFlight), " ORDER BY next_attempt_at, id LIMIT 1");
            if (candidate.isEmpty()) {
                return candidate;
            }
            long id = candidate.get();
            if (!inFlight.add(id)) {
                continue; // another worker reserved it between our look and now
            }
            held.accept(id);
            if (lockIfStillDue(id, now)) {
                return candidate;
            }
            // delivered (or failed) by a worker that finished between our look and the reservation: look again
            inFlight.remove(id);
            held.accept(-1);
        }
    }

    /** After the holder's transaction has committed or rolled back; -1 (nothing held) is ignored. */
    void release(long id) {
        inFlight.remove(id);
    }

    private Optional<Long> firstDue(Instant now, List<Long> skip, String tail) {
        StringBuilder sql = new StringBuilder(DUE);
        if (!skip.isEmpty()) {
            sql.append(" AND id NOT IN (").append("?,".repeat(skip.size() - 1)).append("?)");
        }
        return jdbc.prepareStatement(sql.append(tail).toString(), statement -> {
            int index = due(statement, now);
            for (Long id : skip) {
                statement.setLong(index++, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    private boolean lockIfStillDue(long id, Instant now) {
        return jdbc.prepareStatement(DUE + " AND id = ? FOR UPDATE", statement -> {
            statement.setLong(due(statement, now), id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    /** Sets the state and time parameters; returns the next parameter index. */
    private static int due(PreparedStatement statement, Instant now) throws SQLException {
        statement.setString(1, OutboxState.PENDING.name());
        statement.setObject(2, Timestamp.from(now));
        return 3;
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute(connection -> connection.getMetaData().getDatabaseProductName())
                    .toLowerCase(Locale.ROOT).contains("postgres");
        }
        return postgres;
    }
}
