package se.ange.tertial.notify;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.runtime.convert.DataConversionService;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import se.ange.tertial.system.DatabaseProduct;
import se.ange.tertial.system.EntityReader;
import se.ange.tertial.system.JoinedColumns;

/**
 * Takes the next due outbox messages for a worker, a batch at once, their rows locked until the worker's
 * transaction ends, so that no other worker (thread or instance) takes them meanwhile. On PostgreSQL that is one
 * {@code FOR UPDATE SKIP LOCKED} statement returning the whole rows. H2 (embedded: one instance) has no SKIP LOCKED
 * and its {@code FOR UPDATE} with {@code LIMIT} locks every matching row, so there the workers of this JVM skip each
 * other's messages through an in-memory set, kept until the holder's transaction has ended ({@link #release}), and
 * the reserved rows are then locked by id (two statements). The rows are mapped by an {@link EntityReader} made once,
 * not by the repository's mapping, which derives each column's name anew per row (a batch is 32 rows of 16 columns),
 * and the ids go as one array parameter, so that every statement here is the same for any batch and prepared once
 * per connection (issue 17).
 */
@Singleton
class OutboxClaims {

    private static final String DUE = "SELECT id FROM outbox_message WHERE state = ? AND next_attempt_at <= ?";
    /**
     * H2's look for due messages. Ordered by state too (one value here, so the same order): only then does H2 read
     * the index {@code outbox_due_order} in order and stop at the limit instead of sorting every due message.
     */
    static final String FIRST_DUE = DUE + " ORDER BY state, next_attempt_at, id LIMIT ?";
    private static final String COLUMNS = "SELECT " + JoinedColumns.of(OutboxMessage.class, "m", "") + " FROM outbox_message m";
    /**
     * PostgreSQL's claim: up to a batch of due messages, whole rows, locked for the transaction; rows another
     * transaction holds are skipped.
     */
    static final String CLAIM_DUE = COLUMNS + " WHERE m.state = ? AND m.next_attempt_at <= ?"
            + " ORDER BY m.next_attempt_at, m.id LIMIT ? FOR UPDATE SKIP LOCKED";
    /** H2's lock: those of the reserved ids still due, whole rows, locked for the transaction. */
    private static final String LOCK_IF_DUE = COLUMNS + " WHERE m.id = ANY(?) AND m.state = ? AND m.next_attempt_at <= ?"
            + " FOR UPDATE";
    /** The order messages are taken in: longest due first. */
    private static final Comparator<OutboxMessage> ORDER = Comparator.comparing(OutboxMessage::nextAttemptAt)
            .thenComparing(OutboxMessage::id);

    private final JdbcOperations jdbc;
    private final EntityReader<OutboxMessage> rows;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final DatabaseProduct database;

    OutboxClaims(JdbcOperations jdbc, DataConversionService conversion, DatabaseProduct database) {
        this.database = database;
        this.jdbc = jdbc;
        this.rows = EntityReader.of(OutboxMessage.class, "", conversion);
    }

    /**
     * Within a transaction: up to {@code limit} due messages now locked by it, in due order. {@code held} gets the
     * ids reserved for the caller; pass it to {@link #release} after the transaction.
     */
    List<OutboxMessage> claim(Instant now, int limit, Set<Long> held) {
        String pending = OutboxState.PENDING.name();
        if (database.postgres()) {
            return jdbc.prepareStatement(CLAIM_DUE, statement -> {
                statement.setString(1, pending);
                statement.setObject(2, Timestamp.from(now));
                statement.setInt(3, limit);
                return read(statement);
            });
        }
        while (true) {
            List<Long> candidates = firstDue(now, Set.copyOf(inFlight), limit);
            if (candidates.isEmpty()) {
                return List.of();
            }
            List<Long> reserved = new ArrayList<>();
            for (Long id : candidates) {
                if (inFlight.add(id)) { // else another worker reserved it between our look and now
                    reserved.add(id);
                    held.add(id);
                }
            }
            if (reserved.isEmpty()) {
                continue;
            }
            List<OutboxMessage> locked = lockIfDue(reserved, pending, now);
            // delivered (or failed) by a worker that finished between our look and the reservation: not ours
            Set<Long> lockedIds = Set.copyOf(locked.stream().map(OutboxMessage::id).toList());
            for (Long id : reserved) {
                if (!lockedIds.contains(id)) {
                    held.remove(id);
                    inFlight.remove(id);
                }
            }
            if (!locked.isEmpty()) {
                locked.sort(ORDER);
                return locked;
            }
        }
    }

    private List<OutboxMessage> lockIfDue(List<Long> ids, String pending, Instant now) {
        return jdbc.prepareStatement(LOCK_IF_DUE, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids.toArray()));
            statement.setString(2, pending);
            statement.setObject(3, Timestamp.from(now));
            return read(statement);
        });
    }

    private List<OutboxMessage> read(PreparedStatement statement) throws SQLException {
        List<OutboxMessage> read = new ArrayList<>();
        try (ResultSet found = statement.executeQuery()) {
            while (found.next()) {
                read.add(rows.read(found));
            }
        }
        return read;
    }

    /** After the holder's transaction has committed or rolled back. */
    void release(Collection<Long> held) {
        inFlight.removeAll(held);
    }

    /**
     * The first {@code limit} due ids not in {@code skip}. One fixed statement, the ids in flight skipped here rather
     * than in a {@code NOT IN} list: H2 then prepares it once per connection and does not test every row against it.
     */
    private List<Long> firstDue(Instant now, Set<Long> skip, int limit) {
        return jdbc.prepareStatement(FIRST_DUE, statement -> {
            statement.setString(1, OutboxState.PENDING.name());
            statement.setObject(2, Timestamp.from(now));
            statement.setInt(3, limit + skip.size());
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (ids.size() < limit && rows.next()) {
                    long id = rows.getLong(1);
                    if (!skip.contains(id)) {
                        ids.add(id);
                    }
                }
            }
            return ids;
        });
    }
}
