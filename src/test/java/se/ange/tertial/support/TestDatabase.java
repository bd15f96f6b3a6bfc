package se.ange.tertial.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Empties the register between tests (children before parents). */
public final class TestDatabase {

    private static final String[] TABLES = {"web_session", "web_sign_in_link", "department_readiness", "tertial_record_measure", "tertial_record_goal", "tertial_record_activity", "tertial_record", "goal_assessment", "report_text", "department_goal_order",
        "activity_copy", "digest_sent", "digest_preference", "slack_request_seen", "teams_conversation", "chat_record", "reminder_snooze", "reminder_item", "outbox_message", "inbound_mail", "person_absence", "app_secret", "audit_log", "status_report", "activity_owner", "activity",
        "measure_outcome", "measure", "goal", "goal_area", "api_token", "person_role", "person", "org_unit", "department"};

    private TestDatabase() {
    }

    public static void clear(DataSource dataSource) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
