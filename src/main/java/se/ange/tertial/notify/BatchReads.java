package se.ange.tertial.notify;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.runtime.convert.DataConversionService;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.system.EntityReader;
import se.ange.tertial.system.JoinedColumns;

/**
 * What a claimed batch needs besides its activities, in one statement: each message's recipient and its reminder
 * items (in the order they were planned). The ids go as one array parameter, so the statement is the same for
 * every batch and prepared once; two repository reads with an {@code IN} list of varying length cost twice the
 * statements and a parse each (issue 17).
 */
@Singleton
class BatchReads {

    private static final String SQL = "SELECT m.id AS message_id, " + JoinedColumns.of(Person.class, "p", "p_") + ", "
            + "i.id AS i_id, i.message_id AS i_message_id, i.recipient_id AS i_recipient_id, i.item_key AS i_item_key,"
            + " i.purpose AS i_purpose, i.step AS i_step, i.tertial AS i_tertial, i.activity_ref AS i_activity_ref,"
            + " i.note AS i_note"
            + " FROM outbox_message m JOIN person p ON p.id = m.recipient_id"
            + " LEFT JOIN reminder_item i ON i.message_id = m.id AND m.kind = 'REMINDER'"
            + " WHERE m.id = ANY(?) ORDER BY m.id, i.id";

    /** The recipients by person id; the reminder items by message id (none for other kinds). */
    record Batch(Map<Long, Person> recipients, Map<Long, List<ReminderItemRow>> items) {
    }

    private final JdbcOperations jdbc;
    private final EntityReader<Person> recipientRows;

    BatchReads(JdbcOperations jdbc, DataConversionService conversion) {
        this.jdbc = jdbc;
        this.recipientRows = EntityReader.of(Person.class, "p_", conversion);
    }

    /** Within the delivering transaction. */
    Batch read(Collection<OutboxMessage> messages) {
        return jdbc.prepareStatement(SQL, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint",
                    messages.stream().map(OutboxMessage::id).toArray()));
            Map<Long, Person> recipients = new HashMap<>();
            Map<Long, List<ReminderItemRow>> items = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long recipient = rows.getLong("p_id");
                    if (!recipients.containsKey(recipient)) {
                        recipients.put(recipient, recipientRows.read(rows));
                    }
                    long item = rows.getLong("i_id");
                    if (!rows.wasNull()) {
                        items.computeIfAbsent(rows.getLong("message_id"), id -> new ArrayList<>()).add(item(item, rows));
                    }
                }
            }
            return new Batch(recipients, items);
        });
    }

    /**
     * A reminder item mapped by hand: a batch has five or so per message, and Micronaut Data's mapping (each
     * column's name derived anew per row) cost more than the rest of the read. DeliveryStatementsContract keeps it equal
     * to the repository's mapping.
     */
    private static ReminderItemRow item(long id, ResultSet rows) throws SQLException {
        return new ReminderItemRow(id, rows.getLong("i_message_id"), rows.getLong("i_recipient_id"),
                rows.getString("i_item_key"), rows.getString("i_purpose"), rows.getString("i_step"),
                rows.getString("i_tertial"), rows.getString("i_activity_ref"), rows.getString("i_note"));
    }
}
