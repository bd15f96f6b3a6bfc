package se.ange.tertial.register.activity;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.system.JoinedColumns;

/**
 * One activity as an {@link ActivityView} in one query, for a write that concerns one activity (a status
 * report): the activity joined with its goals, department, unit, continuation, owners and history (a row per
 * owner and one per report). {@link ActivityCatalog#byRef} takes a query per table
 * (eight), fine for reads of many activities at once but most of what a single report cost (issue 17). Same
 * view, same order of owners and reports.
 */
@Singleton
class OneActivity {

    private static final String SQL = "SELECT " + JoinedColumns.of(Activity.class, "a", "a_") + ", " + JoinedColumns.of(Goal.class, "g", "g_")
            + ", " + JoinedColumns.of(Goal.class, "k", "k_") + ", " + JoinedColumns.of(Person.class, "p", "p_")
            + ", " + JoinedColumns.of(StatusReport.class, "r", "r_") + ", d.name AS d_name, u.name AS u_name"
            + ", (SELECT MIN(c.to_year) FROM activity_copy c WHERE c.source_activity_id = a.id) AS copied_to"
            + " FROM activity a JOIN goal g ON g.id = a.goal_id LEFT JOIN goal k ON k.id = g.parent_id"
            + " JOIN department d ON d.id = a.department_id LEFT JOIN org_unit u ON u.id = a.unit_id"
            // owners on rows of kind 1, reports on rows of kind 2: owners + reports rows, not owners × reports
            + " CROSS JOIN (VALUES (1), (2)) AS row_kind(kind)"
            + " LEFT JOIN activity_owner o ON row_kind.kind = 1 AND o.activity_id = a.id LEFT JOIN person p ON p.id = o.person_id"
            + " LEFT JOIN status_report r ON row_kind.kind = 2 AND r.activity_id = a.id"
            + " WHERE a.ref = ?";

    private final JdbcOperations jdbc;

    OneActivity(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The activity with this reference (trimmed), read now (never from the register cache): in the caller's
     * transaction when there is one, else on a connection without one (one query is consistent by itself, and
     * BEGIN/COMMIT would cost a round trip more).
     */
    @Connectable
    public Optional<ActivityView> byRef(String ref) {
        Optional<Joined> joined = jdbc.prepareStatement(SQL, statement -> {
            statement.setString(1, ref.trim());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.<Joined>empty();
            }
        });
        return joined.map(found -> {
            Map<Long, Goal> goals = new java.util.HashMap<>(Map.of(found.goal.id(), found.goal));
            if (found.kfGoal != null) {
                goals.put(found.kfGoal.id(), found.kfGoal);
            }
            return ActivityViews.of(found.activity, goals, found.department, found.unit, found.owners.values(),
                    found.reports.values(), found.copiedTo == null ? null : ActivityContinuations.lastYearBefore(found.copiedTo));
        });
    }

    private Joined read(ResultSet rows) throws SQLException {
        Activity activity = jdbc.readEntity("a_", rows, Activity.class);
        Goal goal = jdbc.readEntity("g_", rows, Goal.class);
        rows.getLong("k_id");
        Goal kfGoal = rows.wasNull() ? null : jdbc.readEntity("k_", rows, Goal.class);
        String department = rows.getString("d_name");
        String unit = rows.getString("u_name");
        int copied = rows.getInt("copied_to");
        Integer copiedTo = rows.wasNull() ? null : copied;
        Map<Long, Person> owners = new LinkedHashMap<>();
        Map<Long, StatusReport> reports = new LinkedHashMap<>();
        do {
            long ownerId = rows.getLong("p_id");
            if (!rows.wasNull() && !owners.containsKey(ownerId)) {
                owners.put(ownerId, jdbc.readEntity("p_", rows, Person.class));
            }
            long reportId = rows.getLong("r_id");
            if (!rows.wasNull() && !reports.containsKey(reportId)) {
                reports.put(reportId, jdbc.readEntity("r_", rows, StatusReport.class));
            }
        } while (rows.next());
        return new Joined(activity, goal, kfGoal, department, unit, copiedTo, owners, reports);
    }

    private record Joined(Activity activity, Goal goal, Goal kfGoal, String department, String unit, Integer copiedTo,
                          Map<Long, Person> owners, Map<Long, StatusReport> reports) {
    }
}
