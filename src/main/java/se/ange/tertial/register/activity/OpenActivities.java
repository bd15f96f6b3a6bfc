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
import se.ange.tertial.register.org.Person;

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
    }

    /** The statuses that complete an activity, for the narrowing (the rule is {@link Status#isCompleted}). */
    private static final String COMPLETED = java.util.Arrays.stream(Status.values()).filter(Status::isCompleted)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    /** The owner's columns beside the activity's, read with the prefix {@code p_}. */
    private static final String OWNER_COLUMNS = se.ange.tertial.system.JoinedColumns.of(Person.class, "p", "p_");

    private final JdbcOperations jdbc;
    private final ActivityCatalog catalog;

    OpenActivities(JdbcOperations jdbc, ActivityCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
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
        Map<Long, Activity> activities = new LinkedHashMap<>();
        Map<Long, List<Long>> ownerIds = new HashMap<>();
        Map<Long, Person> people = new HashMap<>();
        Map<Long, Integer> lastYears = new HashMap<>();
        // one row per activity and owner, with the owner and the first plan year it was handed on to: a run's
        // fixed cost is its statements, so what fits one query is read in one
        query("SELECT a.*, " + OWNER_COLUMNS + ", (SELECT MIN(c.to_year) FROM activity_copy c WHERE "
                + "c.source_activity_id = a.id) AS copied_to FROM activity a LEFT JOIN activity_owner o ON "
                + "o.activity_id = a.id LEFT JOIN person p ON p.id = o.person_id WHERE " + where.sql()
                + " ORDER BY a.ref", where, rows -> {
                    Activity activity = activities.get(rows.getLong("id"));
                    if (activity == null) {
                        activity = jdbc.readEntity(rows, Activity.class);
                        activities.put(activity.id(), activity);
                        int copiedTo = rows.getInt("copied_to");
                        if (!rows.wasNull()) {
                            lastYears.put(activity.id(), ActivityContinuations.lastYearBefore(copiedTo));
                        }
                    }
                    long owner = rows.getLong("p_id");
                    if (!rows.wasNull()) {
                        ownerIds.computeIfAbsent(activity.id(), id -> new ArrayList<>()).add(owner);
                        people.computeIfAbsent(owner, id -> jdbc.readEntity("p_", rows, Person.class));
                    }
                });
        if (activities.isEmpty()) {
            return List.of();
        }
        Map<Long, List<StatusReport>> reports = new HashMap<>();
        query("SELECT r.* FROM status_report r JOIN activity a ON a.id = r.activity_id WHERE " + where.sql()
                + " ORDER BY r.received_at, r.id", where, rows -> {
                    StatusReport report = jdbc.readEntity(rows, StatusReport.class);
                    reports.computeIfAbsent(report.activityId(), id -> new ArrayList<>()).add(report);
                });
        return views(activities.values(), ownerIds, people, reports, lastYears);
    }

    private List<ActivityView> views(Collection<Activity> selected, Map<Long, List<Long>> ownerIds,
                                     Map<Long, Person> people, Map<Long, List<StatusReport>> reports,
                                     Map<Long, Integer> lastYears) {
        Map<Long, List<Person>> owners = new HashMap<>();
        ownerIds.forEach((activity, ids) -> owners.put(activity,
                ids.stream().map(people::get).filter(java.util.Objects::nonNull).toList()));
        return catalog.viewsOf(selected, owners, reports, lastYears);
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
        for (EndDates end : ends) {
            any.add("(a.end_date BETWEEN ? AND ?)");
            parameters.addAll(List.of(end.from(), end.to()));
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
