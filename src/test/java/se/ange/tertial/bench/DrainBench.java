package se.ange.tertial.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import se.ange.tertial.schedule.ReminderRun;

/**
 * Measures how long a reminder run's mail takes to leave: {@code bench.owners} owners (500) each get one
 * reminder, delivered by the outbox workers with the default settings into a local SMTP sink (GreenMail).
 * The clock starts when the run has committed and stops when the sink holds every mail.
 *
 * <pre>mvn -q -Pbench test-compile exec:java -Dbench.main=se.ange.tertial.bench.DrainBench</pre>
 */
public final class DrainBench {

    private static final int OWNERS = Integer.getInteger("bench.owners", 500);
    private static final LocalDate DAY = LocalDate.parse("2024-03-28");

    public static void main(String[] args) throws Exception {
        int smtpPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        GreenMail sink = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        sink.start();
        Map<String, Object> settings = new HashMap<>(Map.of("tertial.demo-data", "false",
                "tertial.scheduler.enabled", "false", "tertial.security.first-start-token", "false",
                "tertial.test.clock", "2024-03-28T06:00:00Z", "tertial.mail.smtp.host", "127.0.0.1",
                "tertial.mail.smtp.port", String.valueOf(smtpPort),
                "tertial.data-dir", System.getProperty("java.io.tmpdir") + "/tertial-drain-bench",
                "datasources.default.url", "jdbc:h2:mem:drainbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(settings).start()) {
            BenchRegister.seed(DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)), OWNERS * 2, OWNERS);
            ReminderRun.Result result = context.getBean(ReminderRun.class).run(DAY);
            long started = System.nanoTime();
            long deadline = started + 600_000_000_000L;
            while (sink.getReceivedMessages().length < result.messages() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int received = sink.getReceivedMessages().length;
            System.out.printf("drain: %d of %d reminder mails in the sink %.1f s after the run (%.1f mails/s)%n",
                    received, result.messages(), seconds, received / seconds);
        } finally {
            sink.stop();
        }
        System.exit(0);
    }
}
