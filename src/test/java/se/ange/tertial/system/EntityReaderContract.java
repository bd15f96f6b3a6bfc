package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.runtime.convert.DataConversionService;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * {@link EntityReader} reads every entity of the hand-written joins exactly as Micronaut Data's
 * {@code readEntity} does, on the same rows: nulls, enums, dates, instants, a renamed column ({@code Goal.year}).
 */
abstract class EntityReaderContract {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    JdbcOperations jdbc;

    @Inject
    DataConversionService conversion;

    @BeforeAll
    void register() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        Api owner = admin.withNewToken("emma", "OWNER", "emma.berglund@ange.example");
        owner.postJson("/api/activities/KS2024-002/reports", Map.of("tertial", "2024-T1", "status", "VANTELAGE"));
        owner.postJson("/api/activities/KS2024-002/reports",
                Map.of("tertial", "2024-T1", "status", "PAGAENDE_ENLIGT_PLAN", "comment", "Enligt plan"));
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO person_absence (person_id, from_date, to_date)"
                    + " SELECT MIN(id), DATE '2024-04-01', DATE '2024-04-30' FROM person");
            statement.executeUpdate("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP WHERE name = 'stab'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "se.ange.tertial.register.activity.Activity, activity",
        "se.ange.tertial.register.activity.StatusReport, status_report",
        "se.ange.tertial.register.goal.Goal, goal",
        "se.ange.tertial.register.org.Person, person",
        "se.ange.tertial.register.org.PersonAbsence, person_absence",
        "se.ange.tertial.register.access.ApiToken, api_token"})
    void reads_each_row_as_micronaut_data_does(String entity, String table) throws Exception {
        Class<?> type = Class.forName(entity);
        EntityReader<?> reader = EntityReader.of(type, "x_", conversion);
        String sql = "SELECT " + JoinedColumns.of(type, "x", "x_") + " FROM " + table + " x ORDER BY x.id";
        List<Object> expected = new ArrayList<>();
        List<Object> read = new ArrayList<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                expected.add(jdbc.readEntity("x_", rows, type));
                read.add(reader.read(rows));
            }
        }
        assertThat(read).isNotEmpty().isEqualTo(expected);
    }
}
