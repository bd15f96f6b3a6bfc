package se.ange.tertial.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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
 * Every kind of reminder day on registers of 20,000 and 100,000 activities (one owner per five activities, five
 * departments with a manager each): the first, second and last reminder of T1 2024, the managers' escalation, an
 * ending-soon and an overdue day. Each run (decide + enqueue) is timed beside its anchor, the floor for the same
 * work in bare JDBC: one SELECT of the activities the day concerns (the same span of tertials and end dates) with
 * their owners, the managers, and two batch INSERTs of as many messages and items as the run enqueued into the same
 * outbox tables (rolled back). Tertial and anchor alternate, {@code bench.rounds} rounds after a warm-up; medians.
 * Prints ms per 1,000 activities, so linear shows as a flat column.
 *
 * <pre>mvn -q -o -Pbench test-compile exec:java -Dbench.main=se.ange.tertial.bench.BenchAll -Dbench.only=reminders
 *     [-Dbench.sizes=2000,20000,100000] [-Dbench.db=postgres] [-Dbench.rounds=3] [-Dbench.warmups=2]
 *     [-Dbench.verbose=true (each round on stderr)] [-Dbench.days=ending-soon,overdue (only those days)]</pre>
 * Beside wall time each run's CPU time and allocation on its thread are taken (medians too): on H2, which runs in
 * the caller's thread, the CPU time counts the database's work and is steadier than wall time on a loaded machine.
 * or alone, with a detailed table: {@code -Dbench.main=se.ange.tertial.bench.ReminderDaysBench}.
 */
public final class ReminderDaysBench implements BenchSuite {

    private static final Tertial T1 = new Tertial(2024, 1);
    private static final String AREA = "reminders";

    /** This thread's CPU time and allocation: H2 runs in the calling thread, so they count the database's work too. */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    record Row(int size, String kind, int messages, int items, double millis, double anchorMillis, double cpuMillis,
               double anchorCpuMillis, double allocatedMib) {

        double perThousand() {
            return millis * 1000 / size;
        }
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = new ReminderDaysBench().measureAll();
        System.out.printf("%-9s %-13s %8s %8s %10s %10s %10s %6s %8s %10s %6s %8s%n", "register", "day", "messages",
                "items", "run ms", "ms/1k act", "anchor ms", "ratio", "run cpu", "anchor cpu", "ratio", "run MiB");
        for (Row row : rows) {
            System.out.printf("%-9d %-13s %8d %8d %10.0f %10.2f %10.0f %6.2f %8.1f %10.1f %6.2f %8.1f%n", row.size(),
                    row.kind(), row.messages(), row.items(), row.millis(), row.perThousand(), row.anchorMillis(),
                    row.millis() / row.anchorMillis(), row.cpuMillis(), row.anchorCpuMillis(),
                    row.cpuMillis() / row.anchorCpuMillis(), row.allocatedMib());
        }
        System.out.println();
        System.out.println(BenchAll.table(figures(rows)));
        System.exit(0);
    }

    @Override
    public String name() {
        return AREA;
    }

    @Override
    public List<Figure> run() throws Exception {
        return figures(measureAll());
    }

    /** Each day ≤ 2× its anchor at each size; per-1k cost at the largest size ≤ 1.3× that at the one before. */
    static List<Figure> figures(List<Row> rows) {
        String db = postgres() ? "PostgreSQL" : "H2";
        List<Figure> figures = new ArrayList<>();
        for (Row row : rows) {
            figures.add(Figure.atMost(AREA, "%s day, %dk activities, %s (%d messages, %d items)".formatted(row.kind(),
                    row.size() / 1000, db, row.messages(), row.items()), row.millis(), row.anchorMillis(), "ms", 2.0));
        }
        List<Integer> sizes = rows.stream().map(Row::size).distinct().sorted().toList();
        if (sizes.size() >= 2) {
            int small = sizes.get(sizes.size() - 2);
            int large = sizes.get(sizes.size() - 1);
            for (Row big : rows.stream().filter(r -> r.size() == large).toList()) {
                rows.stream().filter(r -> r.size() == small && r.kind().equals(big.kind())).findFirst()
                        .ifPresent(before -> figures.add(Figure.atMost(AREA, "%s day per 1k activities, %dk against %dk, %s"
                                .formatted(big.kind(), large / 1000, small / 1000, db), big.perThousand(),
                                before.perThousand(), "ms/1k", 1.3)));
            }
        }
        return figures;
    }

    private static boolean postgres() {
        return "postgres".equals(System.getProperty("bench.db"));
    }

    List<Row> measureAll() throws Exception {
        List<Integer> sizes = java.util.Arrays.stream(System.getProperty("bench.sizes", "20000,100000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.addAll(measure(size, postgres(), Integer.getInteger("bench.rounds", 3)));
        }
        return rows;
    }

    private static List<Row> measure(int activities, boolean postgres, int rounds) throws Exception {
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
            ReminderPlanner planner = context.getBean(ReminderPlanner.class);
            ReminderCalendar calendar = planner.calendar();
            Map<String, LocalDate> days = new LinkedHashMap<>();
            days.put("first", calendar.tertialReminder(T1, ReminderCalendar.Step.FIRST));
            days.put("second", calendar.tertialReminder(T1, ReminderCalendar.Step.SECOND));
            days.put("last", calendar.tertialReminder(T1, ReminderCalendar.Step.LAST));
            days.put("escalation", calendar.escalation(T1));
            days.put("ending-soon", calendar.endingSoon(LocalDate.parse("2024-06-14")));
            days.put("overdue", calendar.overdueNote(LocalDate.parse("2024-06-14")));
            String only = System.getProperty("bench.days", "");
            if (!only.isBlank()) {
                days.keySet().retainAll(List.of(only.split(",")));
            }
            Map<String, List<Double>> runs = new LinkedHashMap<>();
            Map<String, List<Double>> anchors = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            Map<String, List<Double>> anchorCpu = new LinkedHashMap<>();
            Map<String, List<Double>> allocated = new LinkedHashMap<>();
            Map<String, ReminderRun.Result> results = new HashMap<>();
            int warmups = Integer.getInteger("bench.warmups", 2);
            for (int round = -warmups; round < rounds; round++) { // negative rounds warm up: class loading, JIT, heap
                for (var day : days.entrySet()) {
                    boolean anchorFirst = round % 2 == 0; // alternate, so neither always runs on a warmer cache
                    double[] anchor = anchorFirst ? anchor(pool, planner.scope(day.getValue()), expected(results, day.getKey()))
                            : null;
                    settle();
                    long cpuStarted = THREADS.getCurrentThreadCpuTime();
                    long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
                    long started = System.nanoTime();
                    ReminderRun.Result result = reminders.run(day.getValue());
                    double millis = (System.nanoTime() - started) / 1e6;
                    double cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
                    double mib = (THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore) / 1048576.0;
                    clearOutbox(pool);
                    results.put(day.getKey(), result);
                    if (!anchorFirst) {
                        anchor = anchor(pool, planner.scope(day.getValue()), result);
                    }
                    if (Boolean.getBoolean("bench.verbose")) {
                        System.err.printf("%d %-11s round %2d: run %8.1f ms (cpu %8.1f, %7.1f MiB), anchor %8.1f ms (cpu %8.1f)%n",
                                activities, day.getKey(), round, millis, cpuMillis, mib, anchor[0], anchor[1]);
                    }
                    if (round >= 0) {
                        runs.computeIfAbsent(day.getKey(), k -> new ArrayList<>()).add(millis);
                        anchors.computeIfAbsent(day.getKey(), k -> new ArrayList<>()).add(anchor[0]);
                        cpu.computeIfAbsent(day.getKey(), k -> new ArrayList<>()).add(cpuMillis);
                        anchorCpu.computeIfAbsent(day.getKey(), k -> new ArrayList<>()).add(anchor[1]);
                        allocated.computeIfAbsent(day.getKey(), k -> new ArrayList<>()).add(mib);
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            for (String kind : days.keySet()) {
                ReminderRun.Result result = results.get(kind);
                rows.add(new Row(activities, kind, result.messages(), result.items(), median(runs.get(kind)),
                        median(anchors.get(kind)), median(cpu.get(kind)), median(anchorCpu.get(kind)),
                        median(allocated.get(kind))));
            }
            return rows;
        }
    }

    /**
     * Collects the garbage before each timed part, Tertial's and the anchor's alike, so that neither pays for the
     * other's (interleaved, a young collection promoting one side's 100k objects landed in the other's time).
     */
    private static void settle() {
        System.gc();
    }

    private static ReminderRun.Result expected(Map<String, ReminderRun.Result> results, String kind) {
        return results.getOrDefault(kind, new ReminderRun.Result(null, 10, 10));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Each round starts from an empty outbox, as the first run of a day does. */
    private static void clearOutbox(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM reminder_item");
            s.execute("DELETE FROM outbox_message");
        }
    }

    /**
     * The floor: read the activities the day concerns with their owners (those that may owe a report for its tertials,
     * those ending in its spans of end dates) and the managers, then write the run's messages and items in two batches
     * into the outbox tables, and roll back. Its wall time and CPU time in milliseconds.
     */
    private static double[] anchor(DataSource pool, ReminderPlanner.Scope scope, ReminderRun.Result enqueued)
            throws SQLException {
        int messages = enqueued.messages();
        int items = enqueued.items();
        settle();
        long cpuStarted = THREADS.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            List<String> any = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            for (Tertial tertial : scope.tertials()) {
                any.add("(a.start_date <= ? AND NOT EXISTS (SELECT 1 FROM status_report r WHERE r.activity_id = a.id "
                        + "AND r.tertial = ?))");
                parameters.addAll(List.of(tertial.closingDate(), tertial.toString()));
            }
            scope.endDates().forEach(end -> {
                any.add("a.end_date BETWEEN ? AND ?");
                parameters.addAll(List.of(end.from(), end.to()));
            });
            List<Long> recipients = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.ref, a.title, a.end_date, a.status, p.id, p.name, "
                    + "p.email, p.active, p.deputy_id, p.reminder_channel FROM activity a JOIN activity_owner o ON "
                    + "o.activity_id = a.id JOIN person p ON p.id = o.person_id WHERE " + String.join(" OR ", any))) {
                for (int i = 0; i < parameters.size(); i++) {
                    s.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        r.getLong(1);
                        r.getString(2);
                        r.getString(3);
                        r.getDate(4);
                        r.getString(5);
                        recipients.add(r.getLong(6));
                        r.getString(7);
                        r.getString(8);
                        r.getBoolean(9);
                        r.getLong(10);
                        r.getString(11);
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT p.id, p.name, p.email, "
                    + "p.department_id, p.unit_id FROM person p JOIN person_role pr ON pr.person_id = p.id "
                    + "WHERE pr.role = 'MANAGER'")) {
                while (r.next()) {
                    recipients.add(r.getLong(1));
                }
            }
            Timestamp now = Timestamp.from(Instant.parse("2024-03-01T06:00:00Z"));
            List<Long> messageIds = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO outbox_message (recipient_id, channel, kind, "
                    + "send_on, state, attempts, next_attempt_at, created_at, dedupe_key) VALUES (?, 'EMAIL', 'REMINDER', "
                    + "?, 'PENDING', 0, ?, ?, ?)", new String[] {"id"})) {
                for (int i = 0; i < messages; i++) {
                    p.setLong(1, recipients.get(i % recipients.size()));
                    p.setObject(2, LocalDate.parse("2024-04-01"));
                    p.setTimestamp(3, now);
                    p.setTimestamp(4, now);
                    p.setString(5, "BENCH/" + i);
                    p.addBatch();
                }
                p.executeBatch();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    while (keys.next()) {
                        messageIds.add(keys.getLong(1));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO reminder_item (message_id, recipient_id, item_key, "
                    + "purpose, step, tertial, activity_ref, note) VALUES (?, ?, ?, 'TERTIAL_REPORT', 'FIRST', '2024-T1', ?, "
                    + "NULL)")) {
                for (int i = 0; i < items; i++) {
                    int message = i % Math.max(1, messages);
                    p.setLong(1, messageIds.get(message));
                    p.setLong(2, recipients.get(message % recipients.size()));
                    p.setString(3, "TERTIAL_REPORT/2024-T1/B2024-%06d/FIRST".formatted(i));
                    p.setString(4, "B2024-%06d".formatted(i));
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.rollback();
        }
        return new double[] {(System.nanoTime() - started) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e6};
    }
}
