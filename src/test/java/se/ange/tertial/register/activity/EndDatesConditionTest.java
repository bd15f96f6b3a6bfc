package se.ange.tertial.register.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-date condition a reminder day's selection uses: what it selects, and that H2 reads it from the index. */
class EndDatesConditionTest {

    private static final List<OpenActivities.EndDates> TWO_SPANS = List.of(
            new OpenActivities.EndDates(LocalDate.parse("2024-06-14"), LocalDate.parse("2024-06-16")),
            new OpenActivities.EndDates(LocalDate.parse("2024-06-05"), LocalDate.parse("2024-06-06")));

    @Test
    void selects_the_end_dates_within_one_of_the_spans_and_none_between_them() throws SQLException {
        try (Connection c = register()) {
            assertThat(refs(c, "SELECT ref FROM activity a WHERE %s ORDER BY ref")).containsExactly(
                    "A-0156", "A-0157", "A-0165", "A-0166", "A-0167");
        }
    }

    @Test
    void two_spans_are_read_from_the_end_date_index_not_the_whole_table_in_reference_order() throws SQLException {
        try (Connection c = register()) {
            // without the bounding range H2 walked the reference index through every activity, testing each end date
            String plan = String.join("\n", refs(c, "EXPLAIN SELECT ref FROM activity a WHERE %s ORDER BY ref"));
            assertThat(plan).contains("activity_end_date").doesNotContain("tableScan");
        }
    }

    /** One activity a day through 2024, as a register with the end-date and reference indexes. */
    private static Connection register() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE activity (id BIGINT PRIMARY KEY, ref VARCHAR(40) NOT NULL UNIQUE, end_date DATE)");
            s.execute("CREATE INDEX activity_end_date ON activity (end_date)");
            s.execute("INSERT INTO activity SELECT \"X\", 'A-' || LPAD(CAST(\"X\" AS VARCHAR), 4, '0'), "
                    + "DATEADD(DAY, \"X\", DATE '2024-01-01') FROM SYSTEM_RANGE(0, 365)");
            s.execute("ANALYZE");
        }
        return c;
    }

    private static List<String> refs(Connection c, String query) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String condition = OpenActivities.EndDates.condition("a.end_date", TWO_SPANS, parameters);
        List<String> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(query.formatted(condition))) {
            for (int i = 0; i < parameters.size(); i++) {
                p.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
        }
        return rows;
    }
}
