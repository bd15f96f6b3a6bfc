package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import se.ange.tertial.register.org.PersonOrder;

/**
 * People are listed a page at a time in Swedish order ({@link PersonOrder}): adds the sort key and search name, fills
 * them for the people already there (Java computes them, so this is a Java migration) and indexes the order.
 * On PostgreSQL the key is compared under the C collation, bytewise, whatever the database's own collation is.
 */
public class V54__person_sort_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE person ADD COLUMN sort_key VARCHAR(" + PersonOrder.KEY_LENGTH + ")"
                    + (postgres ? " COLLATE \"C\"" : ""));
            ddl.execute("ALTER TABLE person ADD COLUMN search_name VARCHAR(400)");
        }
        try (Statement read = connection.createStatement();
             ResultSet people = read.executeQuery("SELECT id, name FROM person");
             PreparedStatement write = connection.prepareStatement(
                     "UPDATE person SET sort_key = ?, search_name = ? WHERE id = ?")) {
            while (people.next()) {
                String name = people.getString("name");
                write.setString(1, PersonOrder.sortKey(name));
                write.setString(2, PersonOrder.searchName(name));
                write.setLong(3, people.getLong("id"));
                write.addBatch();
            }
            write.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE INDEX person_sort_order ON person (sort_key, email)");
        }
    }
}
