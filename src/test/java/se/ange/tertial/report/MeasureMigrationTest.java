package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.TestPostgres;

/**
 * V38 on a register that already has a measure with the old single outcome, on H2 and PostgreSQL: the outcome
 * and its date become the baseline (the old columns stay readable), the direction defaults to INCREASE.
 */
class MeasureMigrationTest {

    @Test
    void an_old_outcome_becomes_the_baseline_on_h2() throws SQLException {
        migrateAndCheck("jdbc:h2:mem:v38-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void an_old_outcome_becomes_the_baseline_on_postgres() throws SQLException {
        Map<String, String> database = TestPostgres.freshDatabase();
        migrateAndCheck(database.get("datasources.default.url"), database.get("datasources.default.username"),
                database.get("datasources.default.password"));
    }

    private static void migrateAndCheck(String url, String user, String password) throws SQLException {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("37")).load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("INSERT INTO goal (id, level, ref, title, plan_year) VALUES (1, 'KF', '4', 'Ekonomi', 2024)");
            s.execute("INSERT INTO goal (id, level, ref, title, plan_year, parent_id) "
                    + "VALUES (2, 'KS', '4.1', 'Sjukfrånvaron ska minska', 2024, 1)");
            s.execute("INSERT INTO measure (goal_id, name, unit, outcome, as_of) "
                    + "VALUES (2, 'Sjukfrånvaro (%)', '%', 12.49, DATE '2023-09-30')");
            s.execute("INSERT INTO measure (goal_id, name) VALUES (2, 'Utan utfall')");
        }
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT name, baseline, baseline_as_of, target, direction, outcome, as_of "
                     + "FROM measure ORDER BY id")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBigDecimal("baseline")).isEqualByComparingTo("12.49");
            assertThat(rows.getDate("baseline_as_of").toLocalDate()).hasToString("2023-09-30");
            assertThat(rows.getBigDecimal("target")).isNull();
            assertThat(rows.getString("direction")).isEqualTo("INCREASE");
            assertThat(rows.getBigDecimal("outcome")).isEqualByComparingTo("12.49");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBigDecimal("baseline")).isNull();
            assertThat(rows.getDate("baseline_as_of")).isNull();
            assertThat(rows.getString("direction")).isEqualTo("INCREASE");
            assertThat(rows.next()).isFalse();
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            // one outcome per measure and tertial; the direction is a closed set
            s.execute("INSERT INTO measure_outcome (measure_id, tertial, outcome, reported_by, reported_at) "
                    + "SELECT id, '2024-T1', 11, 'sara', CURRENT_TIMESTAMP FROM measure WHERE name = 'Utan utfall'");
            assertThatThrownBy(() -> s.execute(
                    "INSERT INTO measure_outcome (measure_id, tertial, outcome, reported_by, reported_at) "
                            + "SELECT id, '2024-T1', 12, 'sara', CURRENT_TIMESTAMP FROM measure WHERE name = 'Utan utfall'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute(
                    "UPDATE measure SET direction = 'SIDEWAYS'")).isInstanceOf(SQLException.class);
        }
    }
}
