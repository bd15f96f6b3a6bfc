package se.ange.tertial.register.activity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.system.JoinedColumns;

/**
 * The activities a reminder day can concern, read in a few queries instead of the whole register: a run needs
 * the activities that may still owe a report for the tertials it asks about and those whose end date it notes,
 * not every activity and report of every year. The selection is only a narrowing — every activity it leaves out
 * is one the reminder rules ({@code ActivityFacts.mustReportFor}, the end-date notes) would pass over anyway; the
 * rules still decide among the rest, on each selected activity's full history.
 */
@Singleton
public class OpenActivities {

    /** End dates from {@code from} to {@code to}, both included. */
    public record EndDates(LocalDate from, LocalDate to) {

        /**
         * The condition that {@code column} falls within one of {@code ends} (not empty), its parameters added to
         * {@code parameters}. The spans are also bounded by the earliest start and latest end together: H2 uses no
         * index for an OR of ranges and read every activity for a day of a few, while one range reads the index.
         */
        public static String condition(String column, Collection<EndDates> ends, List<Object> parameters) {
            LocalDate first = ends.stream().map(EndDates::from).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = ends.stream().map(EndDates::to).max(LocalDate::compareTo).orElseThrow();
            parameters.addAll(List.of(first, last));
            ends.forEach(end -> parameters.addAll(List.of(end.from(), end.to())));
            return column + " BETWEEN ? AND ? AND (" + String.join(" OR ",
                    java.util.Collections.nCopies(ends.size(), column + " BETWEEN ? AND ?")) + ")";
        }
    }

    /** The statuses that complete an activity, for the narrowing (the rule is {@link Status#isCompleted}). */
    private static final String COMPLETED = java.util.Arrays.stream(Status.values()).filter(Status::isCompleted)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    /** The selected activities' rows, the condition to follow: as {@link OneActivity} reads one, prefixed columns. */
    private static final String SELECT = "SELECT a.*, " + JoinedColumns.of(Goal.class, "g", "g_") + ", "
            + JoinedColumns.of(Goal.class, "k", "k_") + ", " + JoinedColumns.of(Person.class, "p", "p_")
            + ", d.name AS d_name, u.name AS u_name"
            + ", (SELECT MIN(c.to_year) FROM activity_copy c WHERE c.source_activity_id = a.id) AS copied_to"
            + " FROM activity a JOIN goal g ON g.id = a.goal_id LEFT JOIN goal k ON k.id = g.parent_id"
            + " JOIN department d ON d.id = a.department_id LEFT JOIN org_unit u ON u.id = a.unit_id"
            + " LEFT JOIN activity_owner o ON o.activity_id = a.id LEFT JOIN person p ON p.id = o.person_id WHERE ";

    private final JdbcOperations jdbc;

    OpenActivities(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * In reference order, as {@link ActivityCatalog#all()} lists them: the activities that may still owe a report
     * for one of {@code tertials} (planned to start by its close, not reported for it, not completed in an earlier
     * tertial, not handed on to a later plan) and those ending within one of {@code ends}, each with its owners and
     * every report it has.
     */
    @Transactional
    public List<ActivityView> remindable(Collection<Tertial> tertials, Collection<EndDates> ends) {
        if (tertials.isEmpty() && ends.isEmpty()) {
            return List.of();
        }
        Where where = where(tertials, ends);
        Map<Long, Selected> selected = new LinkedHashMap<>();
        Map<Long, Goal> goals = new HashMap<>();
        Map<Long, Person> people = new HashMap<>();
        // one row per activity and owner, with its goals, department, unit, the owner and the first plan year it was
        // handed on to: a run's fixed cost is its statements, so what fits one query is read in one
        query(SELECT + where.sql() + " ORDER BY a.ref", where, rows -> {
            Selected activity = selected.get(rows.getLong("id"));
            if (activity == null) {
                activity = new Selected(jdbc.readEntity(rows, Activity.class), rows.getString("d_name"),
                        rows.getString("u_name"), copiedTo(rows));
                selected.put(activity.activity().id(), activity);
                goals.computeIfAbsent(rows.getLong("g_id"), id -> jdbc.readEntity("g_", rows, Goal.class));
                long kfGoal = rows.getLong("k_id");
                if (!rows.wasNull()) {
                    goals.computeIfAbsent(kfGoal, id -> jdbc.readEntity("k_", rows, Goal.class));
                }
            }
            long owner = rows.getLong("p_id");
            if (!rows.wasNull()) {
                activity.owners().add(people.computeIfAbsent(owner, id -> jdbc.readEntity("p_", rows, Person.class)));
            }
        });
        if (selected.isEmpty()) {
            return List.of();
        }
        Map<Long, List<StatusReport>> reports = new HashMap<>();
        query("SELECT r.* FROM status_report r JOIN activity a ON a.id = r.activity_id WHERE " + where.sql()
                + " ORDER BY r.received_at, r.id", where, rows -> {
                    StatusReport report = jdbc.readEntity(rows, StatusReport.class);
                    reports.computeIfAbsent(report.activityId(), id -> new ArrayList<>()).add(report);
                });
        return selected.values().stream().map(activity -> ActivityViews.of(activity.activity(), goals,
                activity.department(), activity.unit(), activity.owners(),
                reports.getOrDefault(activity.activity().id(), List.of()), activity.lastYear())).toList();
    }

    /** The last plan year of an activity handed on to a later plan, from the row's {@code copied_to}; null if not. */
    private static Integer copiedTo(ResultSet rows) throws SQLException {
        int copiedTo = rows.getInt("copied_to");
        return rows.wasNull() ? null : ActivityContinuations.lastYearBefore(copiedTo);
    }

    /** An activity of the selection as its rows are read: the owners are added row by row. */
    private record Selected(Activity activity, String department, String unit, Integer lastYear, List<Person> owners) {

        Selected(Activity activity, String department, String unit, Integer lastYear) {
            this(activity, department, unit, lastYear, new ArrayList<>());
        }
    }

    /** A condition on {@code activity a} and its parameters. */
    private record Where(String sql, List<Object> parameters) {
    }

    private static Where where(Collection<Tertial> tertials, Collection<EndDates> ends) {
        List<String> any = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Tertial tertial : tertials) {
            any.add("((a.start_date IS NULL OR a.start_date <= ?) AND NOT EXISTS (SELECT 1 FROM status_report sr "
                    + "WHERE sr.activity_id = a.id AND (sr.tertial = ? OR (sr.tertial < ? AND sr.status IN ("
                    + COMPLETED + ")))) AND NOT EXISTS (SELECT 1 FROM activity_copy ac "
                    + "WHERE ac.source_activity_id = a.id AND ac.to_year <= ?))");
            parameters.addAll(List.of(tertial.closingDate(), tertial.toString(), tertial.toString(), tertial.year()));
        }
        if (!ends.isEmpty()) {
            any.add("(" + EndDates.condition("a.end_date", ends, parameters) + ")");
        }
        return new Where("(" + String.join(" OR ", any) + ")", parameters);
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Where where, Row row) {
        jdbc.prepareStatement(sql, (PreparedStatement statement) -> {
            for (int i = 0; i < where.parameters().size(); i++) {
                statement.setObject(i + 1, where.parameters().get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
            return null;
        });
    }
}
