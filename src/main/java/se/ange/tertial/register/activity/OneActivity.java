package se.ange.tertial.register.activity;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.runtime.convert.DataConversionService;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.system.EntityReader;
import se.ange.tertial.system.JoinedColumns;

/**
 * One activity as an {@link ActivityView} in one query, for a write that concerns one activity (a status
 * report): the activity joined with its goals, department, unit, continuation, owners and history (a row per
 * owner and one per report); several activities by reference likewise, in one query. A query per table (eight) was
 * most of what a single report cost and a fifth of a reminder's delivery (issue 17). Same view, same order of owners
 * and reports.
 */
@Singleton
class OneActivity {

    private static final String SELECT = "SELECT " + JoinedColumns.of(Activity.class, "a", "a_") + ", " + JoinedColumns.of(Goal.class, "g", "g_")
            + ", " + JoinedColumns.of(Goal.class, "k", "k_") + ", " + JoinedColumns.of(Person.class, "p", "p_")
            + ", " + JoinedColumns.of(StatusReport.class, "r", "r_") + ", d.name AS d_name, u.name AS u_name"
            + ", (SELECT MIN(c.to_year) FROM activity_copy c WHERE c.source_activity_id = a.id) AS copied_to"
            + " FROM activity a JOIN goal g ON g.id = a.goal_id LEFT JOIN goal k ON k.id = g.parent_id"
            + " JOIN department d ON d.id = a.department_id LEFT JOIN org_unit u ON u.id = a.unit_id"
            // owners on rows of kind 1, reports on rows of kind 2: owners + reports rows, not owners × reports
            + " CROSS JOIN (VALUES (1), (2)) AS row_kind(kind)"
            + " LEFT JOIN activity_owner o ON row_kind.kind = 1 AND o.activity_id = a.id LEFT JOIN person p ON p.id = o.person_id"
            + " LEFT JOIN status_report r ON row_kind.kind = 2 AND r.activity_id = a.id";
    private static final String SQL = SELECT + " WHERE a.ref = ?";
    /** The references as one array parameter: the same statement for any number of them, prepared once. */
    private static final String SQL_MANY = SELECT + " WHERE a.ref = ANY(?)";

    private final JdbcOperations jdbc;
    private final EntityReader<Activity> activityRows;
    private final EntityReader<Goal> goalRows;
    private final EntityReader<Goal> kfGoalRows;
    private final EntityReader<Person> ownerRows;
    private final EntityReader<StatusReport> reportRows;

    OneActivity(JdbcOperations jdbc, DataConversionService conversion) {
        this.jdbc = jdbc;
        this.activityRows = EntityReader.of(Activity.class, "a_", conversion);
        this.goalRows = EntityReader.of(Goal.class, "g_", conversion);
        this.kfGoalRows = EntityReader.of(Goal.class, "k_", conversion);
        this.ownerRows = EntityReader.of(Person.class, "p_", conversion);
        this.reportRows = EntityReader.of(StatusReport.class, "r_", conversion);
    }

    /**
     * The activity with this reference (trimmed), read now (never from the register cache): in the caller's
     * transaction when there is one, else on a connection without one (one query is consistent by itself, and
     * BEGIN/COMMIT would cost a round trip more).
     */
    @Connectable
    public Optional<ActivityView> byRef(String ref) {
        return jdbc.prepareStatement(SQL, statement -> {
            statement.setString(1, ref.trim());
            return read(statement).values().stream().findFirst();
        });
    }

    /**
     * The activities with these references (as given), by reference, in one query however many there are: a
     * reminder's delivery reads a batch's activities so. A reference not in the register is absent.
     */
    @Connectable
    public Map<String, ActivityView> byRefs(Collection<String> refs) {
        return jdbc.prepareStatement(SQL_MANY, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("varchar", refs.toArray()));
            return read(statement);
        });
    }

    /** The views of the statement's rows, by reference; the rows of an activity may come in any order. */
    private Map<String, ActivityView> read(PreparedStatement statement) throws SQLException {
        Map<Long, Joined> byId = new LinkedHashMap<>();
        // goals and owners shared by several activities are mapped once
        Map<Long, Goal> goals = new HashMap<>();
        Map<Long, Person> people = new HashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Joined found = byId.get(rows.getLong("a_id"));
                if (found == null) {
                    found = first(rows, goals);
                    byId.put(found.activity.id(), found);
                }
                long ownerId = rows.getLong("p_id");
                if (!rows.wasNull() && !found.owners.containsKey(ownerId)) {
                    found.owners.put(ownerId,
                            people.computeIfAbsent(ownerId, id -> ownerRows.read(rows)));
                }
                long reportId = rows.getLong("r_id");
                if (!rows.wasNull() && !found.reports.containsKey(reportId)) {
                    found.reports.put(reportId, reportRows.read(rows));
                }
            }
        }
        Map<String, ActivityView> views = new HashMap<>();
        for (Joined found : byId.values()) {
            views.put(found.activity.ref(), ActivityViews.of(found.activity, goals, found.department, found.unit,
                    found.owners.values(), found.reports.values(),
                    found.copiedTo == null ? null : ActivityContinuations.lastYearBefore(found.copiedTo)));
        }
        return views;
    }

    /** What an activity's rows have in common, from its first row; its goals go to {@code goals}. */
    private Joined first(ResultSet rows, Map<Long, Goal> goals) throws SQLException {
        Activity activity = activityRows.read(rows);
        goals.computeIfAbsent(rows.getLong("g_id"), id -> goalRows.read(rows));
        long kfGoalId = rows.getLong("k_id");
        if (!rows.wasNull()) {
            goals.computeIfAbsent(kfGoalId, id -> kfGoalRows.read(rows));
        }
        String department = rows.getString("d_name");
        String unit = rows.getString("u_name");
        int copied = rows.getInt("copied_to");
        Integer copiedTo = rows.wasNull() ? null : copied;
        return new Joined(activity, department, unit, copiedTo, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private record Joined(Activity activity, String department, String unit, Integer copiedTo,
                          Map<Long, Person> owners, Map<Long, StatusReport> reports) {
    }
}
