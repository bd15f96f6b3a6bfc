package se.ange.tertial.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.ReminderCalendar;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.org.PersonAbsenceRepository;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.PersonRole;
import se.ange.tertial.register.org.PersonRoleRepository;
import se.ange.tertial.support.CountingDriver;
import se.ange.tertial.support.TestDatabase;

/**
 * A reminder run reads only what its day concerns (issue 17): it plans exactly what the rules plan on the whole
 * register, every day of a year, on a register with reports, completed, continued and late-reported activities,
 * deputies, absences and a snooze; and the statements a run costs do not grow with the register.
 */
abstract class ReminderReadsContract {

    static final String CLOCK = "2024-03-01T06:00:00Z";
    /** Statements of one run (commits not counted), whatever the register's size. */
    static final int MAX_STATEMENTS = 7;
    /** Statements of the 30-day reminder calendar, whatever the register's size. */
    static final int MAX_CALENDAR_STATEMENTS = 5;

    @Inject
    DataSource dataSource;

    @Inject
    ReminderRun reminders;

    @Inject
    ReminderPlanner planner;

    @Inject
    ActivityCatalog catalog;

    @Inject
    PersonRepository people;

    @Inject
    PersonRoleRepository roles;

    @Inject
    PersonAbsenceRepository absences;

    Map<String, String> properties(Map<String, String> database) {
        Map<String, String> properties = CountingDriver.wrapOrFreshH2(database, "tertial-reminder-reads");
        properties.put("tertial.test.clock", CLOCK);
        return properties;
    }

    @Test
    void every_day_of_the_year_plans_what_the_rules_plan_on_the_whole_register() throws SQLException {
        TestDatabase.clear(dataSource);
        seed("A", 120, new Random(17));
        int days = 0;
        int items = 0;
        var register = catalog.allUncached();
        Directory everyone = wholeDirectory();
        for (LocalDate day = LocalDate.parse("2024-01-01"); day.isBefore(LocalDate.parse("2025-02-01")); day = day.plusDays(1)) {
            List<PlannedMessage> whole = planner.plan(day, register, everyone);
            assertThat(reminders.preview(day)).as("the reminders of %s", day).isEqualTo(whole);
            days += whole.isEmpty() ? 0 : 1;
            items += whole.stream().mapToInt(m -> m.items().size()).sum();
        }
        assertThat(days).as("days with reminders").isGreaterThan(50);
        assertThat(items).as("reminded items").isGreaterThan(300);
    }

    @Test
    void a_run_costs_the_same_statements_on_a_register_five_times_larger() throws SQLException {
        TestDatabase.clear(dataSource);
        ReminderCalendar calendar = planner.calendar();
        Tertial t1 = new Tertial(2024, 1);
        List<LocalDate> days = List.of(calendar.tertialReminder(t1, ReminderCalendar.Step.FIRST),
                calendar.escalation(t1), calendar.endingSoon(LocalDate.parse("2024-06-14")),
                calendar.overdueNote(LocalDate.parse("2024-06-14")));
        seed("A", 40, new Random(1));
        Map<LocalDate, List<String>> small = statementsOfRuns(days);
        seed("B", 160, new Random(2));
        Map<LocalDate, List<String>> large = statementsOfRuns(days);
        for (LocalDate day : days) {
            System.out.printf("statements of the reminder run of %s: %d%n", day, small.get(day).size());
            assertThat(large.get(day)).as("statements on %s, five times the register", day).hasSameSizeAs(small.get(day));
            assertThat(small.get(day)).as("statements on %s", day).hasSizeLessThanOrEqualTo(MAX_STATEMENTS)
                    .noneMatch(sql -> sql.replaceAll("\\s+", " ").matches("(?i).*FROM \"?(activity|status_report|activity_owner|person)\"?"
                            + "( [a-z_]+)?( ORDER BY .*)?"));
        }
    }

    @Test
    void the_calendar_shows_for_each_day_what_the_rules_plan_on_the_whole_register() throws SQLException {
        TestDatabase.clear(dataSource);
        seed("A", 120, new Random(17));
        var register = catalog.allUncached();
        Directory everyone = wholeDirectory();
        reminders.run(LocalDate.parse("2024-03-28")); // enqueued: the calendar leaves out what is already in the outbox
        int items = 0;
        for (LocalDate first = LocalDate.parse("2024-01-01"); first.isBefore(LocalDate.parse("2025-01-01")); first = first.plusDays(30)) {
            Map<LocalDate, List<PlannedMessage>> calendar = reminders.previewDays(first, 30);
            assertThat(calendar.keySet()).containsExactlyElementsOf(first.datesUntil(first.plusDays(30)).toList());
            for (LocalDate day : calendar.keySet()) {
                assertThat(calendar.get(day)).as("the calendar's reminders of %s", day).isEqualTo(reminders.preview(day));
                if (!day.equals(LocalDate.parse("2024-03-28"))) {
                    assertThat(calendar.get(day)).as("the reminders of %s", day).isEqualTo(planner.plan(day, register, everyone));
                }
                items += calendar.get(day).stream().mapToInt(m -> m.items().size()).sum();
            }
        }
        assertThat(reminders.previewDays(LocalDate.parse("2024-03-28"), 1).get(LocalDate.parse("2024-03-28")))
                .as("a day already run").isEmpty();
        assertThat(items).as("items in the calendar").isGreaterThan(300);
        sql("DELETE FROM reminder_item", "DELETE FROM outbox_message");
    }

    @Test
    void the_calendar_costs_the_same_statements_on_a_register_five_times_larger() throws SQLException {
        TestDatabase.clear(dataSource);
        LocalDate first = LocalDate.parse("2024-03-15"); // reminders for T1, escalations for T3, end-date notes
        seed("A", 40, new Random(1));
        CountingDriver.start();
        reminders.previewDays(first, 30);
        List<String> small = withoutCommits(CountingDriver.stop());
        seed("B", 160, new Random(2));
        CountingDriver.start();
        Map<LocalDate, List<PlannedMessage>> calendar = reminders.previewDays(first, 30);
        List<String> large = withoutCommits(CountingDriver.stop());
        assertThat(calendar.values()).as("days with reminders").filteredOn(planned -> !planned.isEmpty()).hasSizeGreaterThan(3);
        assertThat(large).as("statements of a 30-day calendar, five times the register").hasSameSizeAs(small);
        assertThat(small).as("statements of a 30-day calendar").hasSizeLessThanOrEqualTo(MAX_CALENDAR_STATEMENTS)
                .noneMatch(sql -> sql.replaceAll("\\s+", " ").matches("(?i).*FROM \"?(activity|status_report|activity_owner|person)\"?"
                        + "( [a-z_]+)?( ORDER BY .*)?"));
    }

    private static List<String> withoutCommits(List<String> executed) {
        return executed.stream().filter(s -> !s.equals("COMMIT") && !s.equals("ROLLBACK")).toList();
    }

    /** The statements of each day's run (commits not counted), each day run on an empty outbox. */
    private Map<LocalDate, List<String>> statementsOfRuns(List<LocalDate> days) throws SQLException {
        Map<LocalDate, List<String>> statements = new HashMap<>();
        for (LocalDate day : days) {
            CountingDriver.start();
            ReminderRun.Result result = reminders.run(day);
            List<String> executed = CountingDriver.stop();
            assertThat(result.items()).as("items enqueued on %s", day).isPositive();
            statements.put(day, executed.stream().filter(s -> !s.equals("COMMIT") && !s.equals("ROLLBACK")).toList());
            sql("DELETE FROM reminder_item", "DELETE FROM outbox_message");
        }
        return statements;
    }

    /** The directory as it was built from every person, role, absence and snooze before runs read less. */
    private Directory wholeDirectory() throws SQLException {
        Map<Long, Set<se.ange.tertial.register.org.Role>> roleMap = StreamSupport.stream(roles.findAll().spliterator(), false)
                .collect(Collectors.groupingBy(PersonRole::personId, Collectors.mapping(PersonRole::role, Collectors.toSet())));
        Map<String, LocalDate> snoozes = new HashMap<>();
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT person_id, activity_ref, until_day FROM reminder_snooze")) {
            while (rows.next()) {
                snoozes.put(rows.getLong(1) + "|" + rows.getString(2), rows.getDate(3).toLocalDate());
            }
        }
        return new Directory(StreamSupport.stream(people.findAll().spliterator(), false).toList(), roleMap,
                StreamSupport.stream(absences.findAll().spliterator(), false).toList(), Set.of(), snoozes);
    }

    /**
     * {@code count} activities of 2023–2025 with refs starting {@code prefix}, three departments with a manager each
     * and a stab person, owners with deputies and absences, and reports of every kind: on time, completed early,
     * completed and then reported late for an earlier tertial, continued into a later plan.
     */
    private void seed(String prefix, int count, Random random) throws SQLException {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            long department = insert(c, "INSERT INTO department (name) VALUES (?)", "Avdelning " + prefix + "1");
            insert(c, "INSERT INTO department (name) VALUES (?)", "Avdelning " + prefix + "2");
            insert(c, "INSERT INTO department (name) VALUES (?)", "Avdelning " + prefix + "3");
            long kf = insert(c, "INSERT INTO goal (level, ref, title, plan_year) VALUES ('KF', ?, 'KF-mål', 2024)", prefix + "1");
            long goal = insert(c, "INSERT INTO goal (level, ref, title, plan_year, parent_id) VALUES ('KS', ?, 'KS-mål', 2024, "
                    + kf + ")", prefix + "1.1");
            int owners = count / 4 + 2;
            List<Long> person = new ArrayList<>();
            for (int i = 0; i < owners + 4; i++) {
                String role = i < owners ? "OWNER" : i < owners + 3 ? "MANAGER" : "STAB";
                long id = insert(c, "INSERT INTO person (name, email, department_id, language, active) VALUES (?, ?, "
                        + (department + i % 3) + ", 'SV', " + (i % 17 != 5) + ")", "Person " + prefix + i,
                        (prefix + "person" + i + "@ange.example").toLowerCase());
                person.add(id);
                insert(c, "INSERT INTO person_role (person_id, role) VALUES (" + id + ", ?)", role);
            }
            for (int i = 0; i < owners; i += 5) { // every fifth owner has a deputy, and is away for a while
                exec(c, "UPDATE person SET deputy_id = " + person.get((i + 1) % owners) + " WHERE id = " + person.get(i));
                LocalDate from = LocalDate.parse("2024-01-01").plusDays(random.nextInt(330));
                exec(c, "INSERT INTO person_absence (person_id, from_date, to_date) VALUES (" + person.get(i) + ", DATE '"
                        + from + "', DATE '" + from.plusDays(random.nextInt(40)) + "')");
            }
            exec(c, "INSERT INTO person_absence (person_id, from_date, to_date) VALUES (" + person.get(2)
                    + ", DATE '2024-03-20', DATE '2024-05-20')"); // away without a deputy
            List<Long> activity = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                boolean endsMidJune = i >= 1 && i <= 3; // open, ending on the day the statement count uses
                LocalDate start = endsMidJune ? LocalDate.parse("2024-01-10")
                        : LocalDate.parse("2023-06-01").plusDays(random.nextInt(480));
                LocalDate end = endsMidJune ? LocalDate.parse("2024-06-14") : start.plusDays(30 + random.nextInt(500));
                long id = insert(c, "INSERT INTO activity (ref, title, start_date, end_date, goal_id, source, department_id, "
                        + "created_at, updated_at) VALUES (?, ?, DATE '" + start + "', DATE '" + end + "', " + goal + ", 'KS', "
                        + (department + i % 3) + ", TIMESTAMP WITH TIME ZONE '2023-06-01 00:00:00+00:00', "
                        + "TIMESTAMP WITH TIME ZONE '2023-06-01 00:00:00+00:00')", prefix + "%04d".formatted(i), "Aktivitet " + i);
                activity.add(id);
                exec(c, "INSERT INTO activity_owner (activity_id, person_id) VALUES (" + id + ", " + person.get(i % owners) + ")");
                if (i % 7 == 0) { // two owners
                    exec(c, "INSERT INTO activity_owner (activity_id, person_id) VALUES (" + id + ", "
                            + person.get((i + 3) % owners) + ")");
                }
                if (!endsMidJune) {
                    reports(c, id, i, random);
                }
            }
            for (int i = 0; i + 1 < count; i += 23) { // continued: followed up in itself until the year before the copy
                exec(c, "INSERT INTO activity_copy (source_activity_id, copy_activity_id, to_year, copied_at) VALUES ("
                        + activity.get(i) + ", " + activity.get(i + 1) + ", " + (2024 + i % 2) + ", TIMESTAMP WITH TIME ZONE "
                        + "'2023-12-20 00:00:00+00:00')");
            }
            exec(c, "INSERT INTO reminder_snooze (person_id, activity_ref, until_day) VALUES (" + person.get(1) + ", '"
                    + prefix + "0001', DATE '2024-04-05')");
            c.commit();
        }
    }

    private static void reports(Connection c, long activity, int i, Random random) throws SQLException {
        String[] statuses = {"PAGAENDE_ENLIGT_PLAN", "PAGAENDE_MED_AVVIKELSE", "AVSLUTAD_ENLIGT_PLAN", "VANTELAGE",
                "AVSLUTAD_MED_AVVIKELSE", "EJ_PABORJAD"};
        List<String> tertials = List.of("2023-T2", "2023-T3", "2024-T1", "2024-T2", "2024-T3");
        int reported = random.nextInt(tertials.size() + 1);
        for (int t = 0; t < reported; t++) {
            if (random.nextInt(3) == 0) {
                continue; // a tertial without a report
            }
            exec(c, "INSERT INTO status_report (activity_id, tertial, status, reported_by, channel, received_at) VALUES ("
                    + activity + ", '" + tertials.get(t) + "', '" + statuses[random.nextInt(statuses.length)]
                    + "', 'test', 'WEB', TIMESTAMP WITH TIME ZONE '" + (2023 + t / 3) + "-0" + (1 + t) + "-10 00:00:00+00:00')");
        }
        if (i % 11 == 0) { // completed in T2, then a late report for T1 received after it
            exec(c, "INSERT INTO status_report (activity_id, tertial, status, reported_by, channel, received_at) VALUES ("
                    + activity + ", '2024-T2', 'AVSLUTAD_ENLIGT_PLAN', 'test', 'WEB', TIMESTAMP WITH TIME ZONE "
                    + "'2024-06-01 00:00:00+00:00')");
            exec(c, "INSERT INTO status_report (activity_id, tertial, status, reported_by, channel, received_at) VALUES ("
                    + activity + ", '2024-T1', 'PAGAENDE_ENLIGT_PLAN', 'test', 'WEB', TIMESTAMP WITH TIME ZONE "
                    + "'2024-06-02 00:00:00+00:00')");
        }
    }

    private Connection connection() throws SQLException {
        return DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = connection()) {
            for (String statement : statements) {
                exec(c, statement);
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long insert(Connection c, String sql, String... texts) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql, new String[] {"id"})) {
            for (int i = 0; i < texts.length; i++) {
                p.setString(i + 1, texts[i]);
            }
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
