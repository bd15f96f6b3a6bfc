package se.ange.tertial.schedule;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.OpenActivities;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.register.org.Role;

/**
 * What a reminder run reads besides its activities, each in one query whatever the register's size: the people
 * its reminders can go to, and which of its reminders are already in the outbox.
 */
@Singleton
class ReminderReads {

    /** The roles the {@link Directory} asks about: who is escalated to. */
    private static final List<Role> ESCALATED_TO = List.of(Role.MANAGER, Role.STAB);
    /** The people a run may escalate to or hand to, from the roles and deputies by their indexes (V55). */
    static final String DIRECTORY_PEOPLE = "SELECT p.*, r.role AS held_role FROM person_role r JOIN person p"
            + " ON p.id = r.person_id WHERE r.role IN (" + ESCALATED_TO.stream().map(role -> "'" + role.name() + "'")
            .collect(Collectors.joining(", ")) + ") UNION ALL SELECT p.*, CAST(NULL AS VARCHAR(10)) FROM person p"
            + " WHERE p.id IN (SELECT d.deputy_id FROM person d WHERE d.deputy_id IS NOT NULL)";

    private final JdbcOperations jdbc;
    private final Clock clock;

    ReminderReads(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The people a day's reminders about {@code activities} can go to: their owners, the managers and stab (an
     * escalation), and everyone who stands in for someone (a deputy); with the absences of the day, recent
     * automatic replies and snoozes.
     */
    Directory directory(List<ActivityView> activities, LocalDate day) {
        return directory(activities, day, day);
    }

    /**
     * {@link #directory(List, LocalDate)} for any day from {@code first} to {@code last}: the absences overlapping
     * them and the snoozes lasting past the first (the directory answers per day, so more is harmless).
     */
    Directory directory(List<ActivityView> activities, LocalDate first, LocalDate last) {
        Map<Long, Person> people = new HashMap<>();
        activities.forEach(activity -> activity.owners().forEach(owner -> people.put(owner.id(), owner)));
        Map<Long, Set<Role>> roles = new HashMap<>();
        query(DIRECTORY_PEOPLE, List.of(), rows -> {
                    Person person = jdbc.readEntity(rows, Person.class);
                    people.put(person.id(), person);
                    String role = rows.getString("held_role");
                    if (role != null) {
                        roles.computeIfAbsent(person.id(), id -> new HashSet<>()).add(Role.valueOf(role));
                    }
                });
        List<PersonAbsence> absences = new ArrayList<>();
        Set<Long> autoReplied = new HashSet<>();
        Map<String, LocalDate> snoozed = new HashMap<>();
        // three small reads in one statement (a run's fixed cost is its statements): the day's absences, the people
        // whose mailbox answered automatically in the last two weeks (kept replies, see the mail feature), the snoozes
        query("SELECT 'A' AS kind, id, person_id, from_date AS since, to_date AS until, CAST(NULL AS VARCHAR(40)) AS ref "
                + "FROM person_absence WHERE from_date <= ? AND to_date >= ? "
                + "UNION ALL SELECT DISTINCT 'R', CAST(NULL AS BIGINT), person_id, CAST(NULL AS DATE), CAST(NULL AS DATE), "
                + "CAST(NULL AS VARCHAR(40)) FROM inbound_mail WHERE outcome = 'AUTO_REPLY' AND person_id IS NOT NULL "
                + "AND received_at >= ? "
                + "UNION ALL SELECT 'S', CAST(NULL AS BIGINT), person_id, CAST(NULL AS DATE), until_day, activity_ref "
                + "FROM reminder_snooze WHERE until_day > ?",
                List.of(last, first, java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(14))), first), rows -> {
                    long person = rows.getLong("person_id");
                    switch (rows.getString("kind")) {
                        case "A" -> absences.add(new PersonAbsence(rows.getLong("id"), person,
                                rows.getDate("since").toLocalDate(), rows.getDate("until").toLocalDate()));
                        case "R" -> autoReplied.add(person);
                        default -> snoozed.put(person + "|" + rows.getString("ref"), rows.getDate("until").toLocalDate());
                    }
                });
        return new Directory(people.values(), roles, absences, autoReplied, snoozed);
    }

    /**
     * What is already in the outbox that a day from {@code first} to {@code last} with reminders in {@code scope} could
     * plan again, in one query: who was sent a reminder message on each day, and "recipient id|item key" of the
     * reminders about its tertials and of the end-date notes about activities ending within its end dates.
     */
    Enqueued enqueued(LocalDate first, LocalDate last, ReminderPlanner.Scope scope) {
        List<String> any = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!scope.tertials().isEmpty()) {
            any.add("i.tertial IN (" + String.join(", ", Collections.nCopies(scope.tertials().size(), "?")) + ")");
            scope.tertials().forEach(tertial -> parameters.add(tertial.toString()));
        }
        if (!scope.endDates().isEmpty()) {
            any.add("(i.tertial IS NULL AND i.activity_ref IN (SELECT a.ref FROM activity a WHERE "
                    + OpenActivities.EndDates.condition("a.end_date", scope.endDates(), parameters) + "))");
        }
        String items = any.isEmpty() ? "" : "SELECT i.recipient_id, i.item_key, CAST(NULL AS DATE) FROM reminder_item i "
                + "WHERE " + String.join(" OR ", any) + " UNION ALL ";
        parameters.addAll(List.of(MessageKind.REMINDER.name(), first, last));
        Map<LocalDate, Set<Long>> messaged = new HashMap<>();
        Set<String> keys = new HashSet<>();
        query(items + "SELECT m.recipient_id, CAST(NULL AS VARCHAR(200)), m.send_on FROM outbox_message m "
                + "WHERE m.kind = ? AND m.send_on BETWEEN ? AND ?", parameters, rows -> {
                    String key = rows.getString(2);
                    if (key == null) {
                        messaged.computeIfAbsent(rows.getDate(3).toLocalDate(), d -> new HashSet<>()).add(rows.getLong(1));
                    } else {
                        keys.add(rows.getLong(1) + "|" + key);
                    }
                });
        return new Enqueued(messaged, keys);
    }

    /** Who was sent a reminder message on which day, and the "recipient id|item key" of reminders already enqueued. */
    record Enqueued(Map<LocalDate, Set<Long>> messaged, Set<String> keys) {

        boolean messaged(long recipient, LocalDate day) {
            return messaged.getOrDefault(day, Set.of()).contains(recipient);
        }

        boolean has(long recipient, String itemKey) {
            return keys.contains(recipient + "|" + itemKey);
        }
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, List<?> parameters, Row row) {
        jdbc.prepareStatement(sql, (PreparedStatement statement) -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
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
