package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import se.ange.tertial.audit.AuditEntry;
import se.ange.tertial.system.DatabaseProduct;

/**
 * The rows of one status report written in one statement, so in one round trip to the database: the report, the
 * activity's status (only when it changes) and the audit row. Statements separated by semicolons in one prepared
 * statement: PostgreSQL's driver sends them together, H2 runs them in turn. The repositories' inserts ask for the
 * generated key, which the PostgreSQL driver fetches with {@code RETURNING *}; for rows with unbounded text it then
 * sends each insert on its own round trip (a deadlock guard), two more per report. No caller needs the new ids.
 *
 * <p>All or nothing without BEGIN and COMMIT on PostgreSQL: outside a transaction the driver sends the statements
 * with one Sync (it syncs early only before a statement returning rows of unbounded size; these return none), and the
 * server runs everything up to a Sync as one implicit transaction, so one round trip in all.
 * H2 runs them one by one, each committed on its own in autocommit, so there the write opens a transaction. Inside
 * a caller's transaction both join it.
 */
@Singleton
class ReportWrites {

    private static final String INSERT_REPORT = "INSERT INTO status_report (activity_id, tertial, status, comment,"
            + " reporter_id, reported_by, channel, received_at, inbound_mail_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // only the columns a report changes: the rest of the row stays as it is in the database
    private static final String UPDATE_STATUS = "UPDATE activity SET status = ?, updated_at = ? WHERE id = ?";
    private static final String INSERT_AUDIT = "INSERT INTO audit_log (occurred_at, actor, channel, action, subject,"
            + " activity_id, before_value, after_value, credential) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final DatabaseProduct database;

    ReportWrites(JdbcOperations jdbc, TransactionOperations<Connection> transactions, DatabaseProduct database) {
        this.database = database;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Writes the report, {@code changed}'s status and updated time when not null, and the audit row: all or none. */
    @Connectable
    void write(StatusReport report, @Nullable Activity changed, AuditEntry audit) {
        if (database.postgres()) {
            send(report, changed, audit);
        } else {
            transactions.executeWrite(status -> {
                send(report, changed, audit);
                return null;
            });
        }
    }

    private void send(StatusReport report, @Nullable Activity changed, AuditEntry audit) {
        String sql = changed == null ? INSERT_REPORT + "; " + INSERT_AUDIT
                : INSERT_REPORT + "; " + UPDATE_STATUS + "; " + INSERT_AUDIT;
        jdbc.prepareStatement(sql, statement -> {
            int i = bindReport(statement, report);
            if (changed != null) {
                statement.setString(++i, changed.status().name());
                statement.setObject(++i, at(changed.updatedAt()));
                statement.setLong(++i, changed.id());
            }
            bindAudit(statement, i, audit);
            statement.execute();
            return null;
        });
    }

    private static int bindReport(PreparedStatement statement, StatusReport report) throws SQLException {
        statement.setLong(1, report.activityId());
        statement.setString(2, report.tertial());
        statement.setString(3, report.status().name());
        statement.setString(4, report.comment());
        setLong(statement, 5, report.reporterId());
        statement.setString(6, report.reportedBy());
        statement.setString(7, report.channel().name());
        statement.setObject(8, at(report.receivedAt()));
        setLong(statement, 9, report.inboundMailId());
        return 9;
    }

    private static void bindAudit(PreparedStatement statement, int after, AuditEntry audit) throws SQLException {
        statement.setObject(after + 1, at(audit.occurredAt()));
        statement.setString(after + 2, audit.actor());
        statement.setString(after + 3, audit.channel().name());
        statement.setString(after + 4, audit.action());
        statement.setString(after + 5, audit.subject());
        setLong(statement, after + 6, audit.activityId());
        statement.setString(after + 7, audit.beforeValue());
        statement.setString(after + 8, audit.afterValue());
        statement.setString(after + 9, audit.credential());
    }

    private static void setLong(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
