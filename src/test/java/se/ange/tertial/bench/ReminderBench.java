package se.ange.tertial.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.schedule.ReminderRun;
import se.ange.tertial.support.TestPostgres;

/**
 * Measures a reminder run on a large register: 20,000 activities, 4,000 owners. Prints the time to
 * decide and enqueue one run (2024-03-28, the first T1 reminder: every owner is due), and the delivery
 * rate into a local SMTP sink (GreenMail).
 *
 * <pre>mvn -q -Pbench test-compile exec:java                      # H2, as embedded
 * mvn -q -Pbench test-compile exec:java -Dbench.db=postgres  # embedded PostgreSQL (or TERTIAL_TEST_PG_URL)</pre>
 */
public final class ReminderBench {

    private static final int ACTIVITIES = Integer.getInteger("bench.activities", 20_000);
    private static final int OWNERS = Integer.getInteger("bench.owners", 4_000);
    private static final int DELIVERIES = Integer.getInteger("bench.deliveries", 2_000);
    private static final LocalDate DAY = LocalDate.parse("2024-03-28");

    public static void main(String[] args) throws Exception {
        boolean postgres = "postgres".equals(System.getProperty("bench.db"));
        int smtpPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        GreenMail sink = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        sink.start();
        Map<String, Object> settings = new HashMap<>(Map.of("tertial.demo-data", "false",
                "tertial.scheduler.enabled", "false", "tertial.outbox.poll", "false",
                "tertial.security.first-start-token", "false", "tertial.test.clock", "2024-03-28T06:00:00Z",
                "tertial.mail.smtp.host", System.getProperty("bench.smtp", "127.0.0.1"), "tertial.mail.smtp.port", String.valueOf(smtpPort), "tertial.data-dir", System.getProperty("java.io.tmpdir") + "/tertial-bench",
                "datasources.default.url", "jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "datasources.default.maximum-pool-size", "8"));
        if (postgres) {
            settings.putAll(TestPostgres.freshDatabase());
        }
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(settings).start()) {
            long seeded = System.nanoTime();
            seed(DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)));
            System.out.printf("register: %d activities, %d owners (%s), seeded in %.1f s%n", ACTIVITIES, OWNERS,
                    postgres ? "PostgreSQL" : "H2", (System.nanoTime() - seeded) / 1e9);
            ReminderRun reminders = context.getBean(ReminderRun.class);
            reminders.preview(DAY.minusDays(1)); // warm up: class loading, JIT, caches
            long started = System.nanoTime();
            ReminderRun.Result result = reminders.run(DAY);
            double decide = (System.nanoTime() - started) / 1e9;
            System.out.printf("decide+enqueue %s: %d messages, %d items in %.2f s%n", DAY, result.messages(),
                    result.items(), decide);

            OutboxDelivery delivery = context.getBean(OutboxDelivery.class);
            delivery.deliverOne(); // warm up templates and the SMTP connection
            started = System.nanoTime();
            int delivered = 0;
            while (delivered < DELIVERIES && delivery.deliverOne()) {
                delivered++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("delivery: %d mails in %.2f s = %.0f mails/s (one worker thread), sink holds %d%n",
                    delivered, seconds, delivered / seconds, sink.getReceivedMessages().length);
        } finally {
            sink.stop();
        }
        System.exit(0);
    }

    /** Fills the register with plain SQL batches: people, one goal, activities active in T1, one owner each. */
    private static void seed(DataSource pool) throws SQLException {
        Random random = new Random(42);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO department (name) VALUES ('Avdelning A'), ('Avdelning B'), ('Avdelning C'), "
                        + "('Avdelning D'), ('Avdelning E')");
                s.execute("INSERT INTO goal (level, ref, title, plan_year) VALUES ('KF', '1', 'KF-mål', 2024)");
                s.execute("INSERT INTO goal (level, ref, title, plan_year, parent_id) "
                        + "SELECT 'KS', '1.1', 'KS-mål', 2024, id FROM goal WHERE ref = '1'");
            }
            long firstDepartment = single(c, "SELECT MIN(id) FROM department");
            long goal = single(c, "SELECT id FROM goal WHERE ref = '1.1'");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO person (name, email, department_id, language, active) "
                    + "VALUES (?, ?, ?, 'SV', TRUE)")) {
                for (int i = 0; i < OWNERS + 5; i++) {
                    p.setString(1, "Person " + i);
                    p.setString(2, "person" + i + "@bench.example");
                    p.setLong(3, firstDepartment + i % 5);
                    p.addBatch();
                }
                p.executeBatch();
            }
            long firstPerson = single(c, "SELECT MIN(id) FROM person");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO person_role (person_id, role) VALUES (?, ?)")) {
                for (int i = 0; i < OWNERS + 5; i++) {
                    p.setLong(1, firstPerson + i);
                    p.setString(2, i < OWNERS ? "OWNER" : "MANAGER");
                    p.addBatch();
                }
                p.executeBatch();
            }
            Timestamp now = Timestamp.from(Instant.parse("2024-01-01T00:00:00Z"));
            try (PreparedStatement p = c.prepareStatement("INSERT INTO activity (ref, title, start_date, end_date, goal_id, "
                    + "source, department_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'KS', ?, ?, ?)")) {
                for (int i = 0; i < ACTIVITIES; i++) {
                    p.setString(1, "B2024-%05d".formatted(i));
                    p.setString(2, "Aktivitet nummer " + i + " med en rubrik av vanlig längd");
                    p.setDate(3, Date.valueOf(LocalDate.parse("2024-01-01").plusDays(random.nextInt(90))));
                    p.setDate(4, Date.valueOf(LocalDate.parse("2024-05-01").plusDays(random.nextInt(500))));
                    p.setLong(5, goal);
                    p.setLong(6, firstDepartment + (i % OWNERS) % 5);
                    p.setTimestamp(7, now);
                    p.setTimestamp(8, now);
                    p.addBatch();
                }
                p.executeBatch();
            }
            long firstActivity = single(c, "SELECT MIN(id) FROM activity");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO activity_owner (activity_id, person_id) VALUES (?, ?)")) {
                for (int i = 0; i < ACTIVITIES; i++) {
                    p.setLong(1, firstActivity + i);
                    p.setLong(2, firstPerson + i % OWNERS);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
