package se.ange.tertial.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import javax.sql.DataSource;

/** A large register for the benchmarks, written with plain SQL batches. */
final class BenchRegister {

    private BenchRegister() {
    }

    /** Fills the register with plain SQL batches: people, one goal, activities active in T1, one owner each. */
    static void seed(DataSource pool, int activities, int owners) throws SQLException {
        Random random = new Random(42);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO department (name) VALUES ('Avdelning A'), ('Avdelning B'), ('Avdelning C'), "
                        + "('Avdelning D'), ('Avdelning E')");
                s.execute("INSERT INTO goal (level, ref, title, plan_year) VALUES ('KF', '1', 'KF-mål', 2024)");
                s.execute("INSERT INTO goal (level, ref, title, plan_year, parent_id) "
                        + "SELECT 'KS', '1.1', 'KS-mål', 2024, id FROM goal WHERE ref = '1'");
            }
            long firstDepartment = single(c, "SELECT MIN(id) FROM department");
            long goal = single(c, "SELECT id FROM goal WHERE ref = '1.1'");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO person (name, email, department_id, language, active) "
                    + "VALUES (?, ?, ?, 'SV', TRUE)")) {
                for (int i = 0; i < owners + 5; i++) {
                    p.setString(1, "Person " + i);
                    p.setString(2, "person" + i + "@bench.example");
                    p.setLong(3, firstDepartment + i % 5);
                    p.addBatch();
                }
                p.executeBatch();
            }
            long firstPerson = single(c, "SELECT MIN(id) FROM person");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO person_role (person_id, role) VALUES (?, ?)")) {
                for (int i = 0; i < owners + 5; i++) {
                    p.setLong(1, firstPerson + i);
                    p.setString(2, i < owners ? "OWNER" : "MANAGER");
                    p.addBatch();
                }
                p.executeBatch();
            }
            Timestamp now = Timestamp.from(Instant.parse("2024-01-01T00:00:00Z"));
            try (PreparedStatement p = c.prepareStatement("INSERT INTO activity (ref, title, start_date, end_date, goal_id, "
                    + "source, department_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'KS', ?, ?, ?)")) {
                for (int i = 0; i < activities; i++) {
                    p.setString(1, "B2024-%05d".formatted(i));
                    p.setString(2, "Aktivitet nummer " + i + " med en rubrik av vanlig längd");
                    p.setDate(3, Date.valueOf(LocalDate.parse("2024-01-01").plusDays(random.nextInt(90))));
                    p.setDate(4, Date.valueOf(LocalDate.parse("2024-05-01").plusDays(random.nextInt(500))));
                    p.setLong(5, goal);
                    p.setLong(6, firstDepartment + (i % owners) % 5);
                    p.setTimestamp(7, now);
                    p.setTimestamp(8, now);
                    p.addBatch();
                }
                p.executeBatch();
            }
            long firstActivity = single(c, "SELECT MIN(id) FROM activity");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO activity_owner (activity_id, person_id) VALUES (?, ?)")) {
                for (int i = 0; i < activities; i++) {
                    p.setLong(1, firstActivity + i);
                    p.setLong(2, firstPerson + i % owners);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
