package se.ange.tertial.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in its own JVM by {@link H2DurabilityTest}: records a message as PENDING, then (after H2's own delay has
 * surely passed) as SENT, commits, and dies at once like kill -9 (no shutdown hooks, nothing closed).
 */
public final class H2CommitThenDie {

    private H2CommitThenDie() {
    }

    public static void main(String[] args) throws Exception {
        Connection connection = DriverManager.getConnection(args[0], "sa", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS delivered (id INT PRIMARY KEY, state VARCHAR(16))");
            statement.execute("MERGE INTO delivered KEY (id) VALUES (1, 'PENDING')");
        }
        Thread.sleep(1500);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("UPDATE delivered SET state = 'SENT' WHERE id = 1");
        }
        connection.commit();
        Runtime.getRuntime().halt(0);
    }
}
