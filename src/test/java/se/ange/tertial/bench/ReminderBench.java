package se.ange.tertial.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.schedule.ReminderRun;
import se.ange.tertial.support.TestPostgres;

/**
 * Measures a reminder run on a large register: 20,000 activities, 4,000 owners. Prints the time to
 * decide and enqueue one run (2024-03-28, the first T1 reminder: every owner is due), and the delivery
 * rate into a local SMTP sink (GreenMail).
 *
 * <pre>mvn -q -Pbench test-compile exec:java -Dbench.main=se.ange.tertial.bench.ReminderBench   # H2, as embedded
 * mvn -q -Pbench test-compile exec:java -Dbench.main=se.ange.tertial.bench.ReminderBench -Dbench.db=postgres  # embedded PostgreSQL (or TERTIAL_TEST_PG_URL)</pre>
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
            BenchRegister.seed(DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)), ACTIVITIES, OWNERS);
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

}
