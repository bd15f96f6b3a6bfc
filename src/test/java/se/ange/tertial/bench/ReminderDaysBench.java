package se.ange.tertial.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import se.ange.tertial.followup.ReminderCalendar;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.schedule.ReminderPlanner;
import se.ange.tertial.schedule.ReminderRun;
import se.ange.tertial.support.TestPostgres;

/**
 * Every kind of reminder day on registers of 2,000, 20,000 and 100,000 activities (one owner per five activities,
 * five departments with a manager each): the first, second and last reminder of T1 2024, the managers' escalation,
 * an ending-soon and an overdue day. Each run (decide + enqueue) is timed beside its anchor, the floor for the same
 * work in bare JDBC: one SELECT of the register's activities with their owners and two batch INSERTs of as many
 * messages and items as the run enqueued. Prints ms per 1,000 activities, so linear shows as a flat column.
 *
 * <pre>mvn -q -Pbench test-compile exec:java -Dbench.main=se.ange.tertial.bench.ReminderDaysBench
 *     [-Dbench.sizes=2000,20000,100000] [-Dbench.db=postgres]</pre>
 */
public final class ReminderDaysBench {

    private static final Tertial T1 = new Tertial(2024, 1);

    public static void main(String[] args) throws Exception {
        boolean postgres = "postgres".equals(System.getProperty("bench.db"));
        List<Integer> sizes = java.util.Arrays.stream(System.getProperty("bench.sizes", "2000,20000,100000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        System.out.printf("%-9s %-13s %8s %8s %10s %10s %10s %6s%n", "register", "day", "messages", "items", "run ms",
                "ms/1k act", "anchor ms", "ratio");
        Map<String, double[]> perThousand = new LinkedHashMap<>();
        for (int size : sizes) {
            for (Row row : measure(size, postgres)) {
                System.out.printf("%-9d %-13s %8d %8d %10.0f %10.2f %10.0f %6.2f%n", size, row.kind(), row.messages(),
                        row.items(), row.millis(), row.millis() * 1000 / size, row.anchorMillis(),
                        row.millis() / row.anchorMillis());
                perThousand.computeIfAbsent(row.kind(), k -> new double[sizes.size()])[sizes.indexOf(size)] =
                        row.millis() * 1000 / size;
            }
        }
        if (sizes.size() >= 2) {
            System.out.printf("%nper-1k cost, largest register against the one before it (goal ≤ 1.3):%n");
            perThousand.forEach((kind, costs) -> System.out.printf("%-13s %.2f%n", kind,
                    costs[sizes.size() - 1] / costs[sizes.size() - 2]));
        }
        System.exit(0);
    }

    record Row(String kind, int messages, int items, double millis, double anchorMillis) {
    }

    private static List<Row> measure(int activities, boolean postgres) throws Exception {
        Map<String, Object> settings = new HashMap<>(Map.of("tertial.demo-data", "false",
                "tertial.scheduler.enabled", "false", "tertial.outbox.poll", "false",
                "tertial.security.first-start-token", "false", "tertial.test.clock", "2024-03-01T06:00:00Z",
                "tertial.data-dir", System.getProperty("java.io.tmpdir") + "/tertial-bench",
                "datasources.default.url", "jdbc:h2:mem:days" + activities + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "datasources.default.maximum-pool-size", "8"));
        if (postgres) {
            settings.putAll(TestPostgres.freshDatabase());
        }
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(settings)
                .start()) {
            DataSource pool = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            BenchRegister.seed(pool, activities, activities / 5);
            ReminderRun reminders = context.getBean(ReminderRun.class);
            ReminderCalendar calendar = context.getBean(ReminderPlanner.class).calendar();
            Map<String, LocalDate> days = new LinkedHashMap<>();
            days.put("first", calendar.tertialReminder(T1, ReminderCalendar.Step.FIRST));
            days.put("second", calendar.tertialReminder(T1, ReminderCalendar.Step.SECOND));
            days.put("last", calendar.tertialReminder(T1, ReminderCalendar.Step.LAST));
            days.put("escalation", calendar.escalation(T1));
            days.put("ending-soon", calendar.endingSoon(LocalDate.parse("2024-06-14")));
            days.put("overdue", calendar.overdueNote(LocalDate.parse("2024-06-14")));
            reminders.preview(days.get("first")); // warm up: class loading, JIT, the register's cache
            anchor(pool, 10, 10);
            List<Row> rows = new ArrayList<>();
            for (var day : days.entrySet()) {
                long started = System.nanoTime();
                ReminderRun.Result result = reminders.run(day.getValue());
                double millis = (System.nanoTime() - started) / 1e6;
                rows.add(new Row(day.getKey(), result.messages(), result.items(), millis,
                        anchor(pool, result.messages(), result.items())));
            }
            return rows;
        }
    }

    /** The floor: read every activity with its owners once, write the messages and items in two batches. */
    private static double anchor(DataSource pool, int messages, int items) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS bench_message (id BIGINT PRIMARY KEY, recipient_id BIGINT, "
                        + "send_on DATE)");
                s.execute("CREATE TABLE IF NOT EXISTS bench_item (id BIGINT PRIMARY KEY, message_id BIGINT, "
                        + "item_key VARCHAR(200), activity_ref VARCHAR(40))");
            }
            List<long[]> read = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT a.id, a.ref, a.title, "
                    + "a.end_date, o.person_id FROM activity a JOIN activity_owner o ON o.activity_id = a.id")) {
                while (r.next()) {
                    read.add(new long[] {r.getLong(1), r.getLong(5)});
                    r.getString(2);
                    r.getString(3);
                    r.getDate(4);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_message VALUES (?, ?, ?)")) {
                for (int i = 0; i < messages; i++) {
                    p.setLong(1, i);
                    p.setLong(2, read.get(i % read.size())[1]);
                    p.setObject(3, LocalDate.parse("2024-04-01"));
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_item VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < items; i++) {
                    p.setLong(1, i);
                    p.setLong(2, i % Math.max(1, messages));
                    p.setString(3, "TERTIAL_REPORT/2024-T1/B2024-%05d/FIRST".formatted(i));
                    p.setString(4, "B2024-%05d".formatted(i));
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.rollback();
        }
        return (System.nanoTime() - started) / 1e6;
    }
}
