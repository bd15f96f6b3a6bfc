package se.ange.tertial.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import se.ange.tertial.register.activity.Activity;
import se.ange.tertial.register.activity.ActivityRepository;
import se.ange.tertial.support.CountingDriver;
import se.ange.tertial.support.TestPostgres;

/**
 * {@code POST /api/activities/{ref}/reports} over HTTP on loopback against a running embedded server (the demo
 * register, a stab member's token, each report changing the activity's status), on H2 and on PostgreSQL, beside
 * its anchor measured in the same run, request by request interleaved: a no-op POST on the same server stack
 * ({@link NoOpController}) plus one JDBC insert and select (one transaction) on the same database and pool.
 * Also the CPU time per request (this JVM: server and client; not the PostgreSQL server's), as process time and
 * summed over the Java threads (nanoseconds, no JIT or GC; sharper), which load
 * from elsewhere changes less than wall time, and the SQL statements one report costs. Medians of {@code bench.rounds} (5) rounds of
 * {@code bench.reports} (200) requests after a warm-up.
 *
 * <pre>mvn -q -o -Pbench test-compile exec:java -Dbench.main=se.ange.tertial.bench.StatusReportBench [-Dbench.db=postgres]</pre>
 */
public final class StatusReportBench implements BenchSuite {

    private static final String AREA = "status report";
    private static final String ADMIN = "bench-admin-token";
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int PER_ROUND = Integer.getInteger("bench.reports", 200);
    /**
     * Reports each activity keeps when a round starts (0: all). Real activities have 3–6 (one or two a tertial), but
     * the bench's 1,400 reports over the demo's 79 activities would grow each to about 18, and every report reads its
     * activity's history: the cap keeps it to 4–7, what a report meets in use.
     */
    private static final int HISTORY = Integer.getInteger("bench.history", 4);
    private static final List<String> STATUSES = List.of("PAGAENDE_ENLIGT_PLAN", "VANTELAGE");
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        System.out.println(BenchAll.table(new StatusReportBench().run()));
        System.exit(0);
    }

    @Override
    public String name() {
        return "status";
    }

    /** Both databases, or only the one {@code -Dbench.db=h2} or {@code postgres} names (say, for a profile). */
    @Override
    public List<Figure> run() throws Exception {
        String only = System.getProperty("bench.db", "");
        List<Figure> figures = new ArrayList<>();
        if (!only.equals("postgres")) {
            figures.addAll(measure("H2", Map.of()));
        }
        if (!only.equals("h2")) {
            figures.addAll(measure("PostgreSQL", TestPostgres.freshDatabase()));
        }
        return figures;
    }

    private List<Figure> measure(String database, Map<String, String> datasource) throws Exception {
        Map<String, Object> settings = BenchSuite.countedDatabase("status", datasource);
        settings.putAll(Map.of("micronaut.server.port", "-1", "tertial.demo-data", "true", "tertial.demo-year", "2024",
                "tertial.scheduler.enabled", "false", "tertial.outbox.poll", "false",
                "tertial.security.first-start-token", "false", "tertial.security.bootstrap-admin-token", ADMIN,
                "tertial.security.writes-per-minute", "100000000", "tertial.bench.no-op", "true",
                "tertial.data-dir", System.getProperty("java.io.tmpdir") + "/tertial-status-bench"));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(settings).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            DataSource pool = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            List<String> refs = context.getBean(ActivityRepository.class).findAllOrderByRef().stream().map(Activity::ref).toList();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = server.getURI().resolve("/").toString();
            String token = stabToken(http, base);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_anchor (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v VARCHAR(200))");
            }
            int[] sent = {0};
            Op report = () -> {
                int i = sent[0]++;
                String body = "{\"tertial\":\"2024-T3\",\"status\":\"%s\",\"comment\":\"Enligt plan, vecka %d\"}"
                        .formatted(STATUSES.get(i / refs.size() % 2), i);
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/activities/" + refs.get(i % refs.size())
                        + "/reports")).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                expect(201, http.send(request, HttpResponse.BodyHandlers.ofString()));
            };
            HttpRequest noOpRequest = HttpRequest.newBuilder(URI.create(base + "api/bench/no-op"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"tertial\":\"2024-T3\",\"status\":\"VANTELAGE\"}")).build();
            Op noOp = () -> expect(200, http.send(noOpRequest, HttpResponse.BodyHandlers.ofString()));
            Op jdbc = () -> insertAndSelect(pool);

            CountingDriver.startEverywhere();
            report.run();
            // background jobs (@Scheduled: the inbound mail retry) may run meanwhile: not the report's
            List<String> executed = CountingDriver.stopEverywhere().stream()
                    .filter(s -> !s.startsWith("scheduled-executor-")).toList();
            List<String> statements = executed.stream()
                    .filter(s -> !s.endsWith(": COMMIT") && !s.endsWith(": ROLLBACK")).toList();
            long commits = executed.stream().filter(s -> s.endsWith(": COMMIT")).count();
            for (int i = 0; i < PER_ROUND * 2; i++) { // warm-up: the JIT, the pool, the caches
                report.run();
                noOp.run();
                jdbc.run();
            }
            List<Double> reportP50 = new ArrayList<>(), reportP99 = new ArrayList<>(), anchorP50 = new ArrayList<>(),
                    anchorP99 = new ArrayList<>(), noOpP50 = new ArrayList<>(), jdbcP50 = new ArrayList<>();
            List<Double> cpuReport = new ArrayList<>(), cpuNoOp = new ArrayList<>(), cpuJdbc = new ArrayList<>();
            List<Double> threadsReport = new ArrayList<>(), threadsNoOp = new ArrayList<>(), threadsJdbc = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                keepNewestReports(pool);
                long[] reports = new long[PER_ROUND], noOps = new long[PER_ROUND], inserts = new long[PER_ROUND];
                long[] cpu = new long[3]; // process CPU nanoseconds in the reports, the no-ops and the JDBC anchors
                long[] threads = new long[3]; // the same, summed over the JVM's Java threads
                for (int i = 0; i < PER_ROUND; i++) { // interleaved, so that load from elsewhere hits all three alike
                    reports[i] = time(report, cpu, threads, 0);
                    noOps[i] = time(noOp, cpu, threads, 1);
                    inserts[i] = time(jdbc, cpu, threads, 2);
                }
                Latencies r = Latencies.of(reports), n = Latencies.of(noOps), j = Latencies.of(inserts);
                reportP50.add(r.ms(0.5));
                reportP99.add(r.ms(0.99));
                anchorP50.add(n.ms(0.5) + j.ms(0.5));
                anchorP99.add(n.ms(0.99) + j.ms(0.99));
                noOpP50.add(n.ms(0.5));
                jdbcP50.add(j.ms(0.5));
                cpuReport.add(cpu[0] / 1e6 / PER_ROUND);
                cpuNoOp.add(cpu[1] / 1e6 / PER_ROUND);
                cpuJdbc.add(cpu[2] / 1e6 / PER_ROUND);
                threadsReport.add(threads[0] / 1e6 / PER_ROUND);
                threadsNoOp.add(threads[1] / 1e6 / PER_ROUND);
                threadsJdbc.add(threads[2] / 1e6 / PER_ROUND);
            }
            System.err.printf("%s: statements per report %d, commits %d:%n  %s%n", database, statements.size(), commits,
                    String.join("\n  ", statements));
            System.err.printf("%s: report p50 %.2f ms p99 %.2f ms; no-op p50 %.2f ms; JDBC insert+select p50 %.2f ms%n",
                    database, Latencies.median(reportP50), Latencies.median(reportP99), Latencies.median(noOpP50),
                    Latencies.median(jdbcP50));
            // the median round, as for the latencies: a round with the JIT or GC busy does not count
            double cpuPerReport = Latencies.median(cpuReport), cpuPerAnchor = Latencies.median(cpuNoOp) + Latencies.median(cpuJdbc);
            System.err.printf("%s: process CPU per report %.3f ms; per no-op %.3f ms; per JDBC insert+select %.3f ms%n",
                    database, cpuPerReport, Latencies.median(cpuNoOp), Latencies.median(cpuJdbc));
            double threadsPerReport = Latencies.median(threadsReport),
                    threadsPerAnchor = Latencies.median(threadsNoOp) + Latencies.median(threadsJdbc);
            System.err.printf("%s: Java threads' CPU per report %.3f ms; per no-op %.3f ms; per JDBC insert+select %.3f ms"
                            + " (%.2f× the anchor's)%n", database, threadsPerReport, Latencies.median(threadsNoOp),
                    Latencies.median(threadsJdbc), threadsPerReport / threadsPerAnchor);
            return List.of(
                    new Figure(AREA, "statements per accepted report (API, token check included), " + database,
                            statements.size(), 0, "statements", "≤ 6", statements.size() <= 6),
                    Figure.atMost(AREA, "POST p50, " + database + " (anchor: HTTP no-op + JDBC insert+select)",
                            Latencies.median(reportP50), Latencies.median(anchorP50), "ms", 2.5),
                    Figure.atMost(AREA, "POST p99, " + database + " (anchor: same, p99)",
                            Latencies.median(reportP99), Latencies.median(anchorP99), "ms", 2.5),
                    // no goal of its own: steadier than wall time under load, so it gets the time goal's ratio
                    Figure.atMost(AREA, "process CPU per POST, " + database + " (anchor: same for no-op + JDBC; this JVM only)",
                            cpuPerReport, cpuPerAnchor, "ms", 2.5),
                    // the same, counted in nanoseconds per thread (client, server, pool): no tick rounding, no JIT or GC
                    Figure.atMost(AREA, "Java threads' CPU per POST, " + database + " (anchor: same for no-op + JDBC)",
                            threadsPerReport, threadsPerAnchor, "ms", 2.5));
        }
    }

    private interface Op {
        void run() throws Exception;
    }

    /**
     * The op's wall time; its process CPU time added to {@code cpu[kind]} (counted in ticks: summed, it evens out)
     * and the CPU time of the JVM's Java threads to {@code threads[kind]} (nanoseconds each; JIT compiler and GC
     * threads are not among them). This thread's own is read closest to the op, so reading the others is not counted.
     */
    private static long time(Op op, long[] cpu, long[] threads, int kind) throws Exception {
        long self = Thread.currentThread().getId();
        long[] ids = THREADS.getAllThreadIds();
        long[] othersBefore = THREADS.getThreadCpuTime(ids);
        long cpuBefore = OS.getProcessCpuTime();
        long selfBefore = THREADS.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        op.run();
        long took = System.nanoTime() - started;
        long selfAfter = THREADS.getCurrentThreadCpuTime();
        cpu[kind] += OS.getProcessCpuTime() - cpuBefore;
        long[] othersAfter = THREADS.getThreadCpuTime(ids);
        long sum = selfAfter - selfBefore;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != self && othersBefore[i] >= 0 && othersAfter[i] >= 0) { // -1: ended, or not measurable
                sum += othersAfter[i] - othersBefore[i];
            }
        }
        threads[kind] += sum;
        return took;
    }

    /** Deletes all but each activity's {@link #HISTORY} newest reports (outside the timed requests). */
    private static void keepNewestReports(DataSource pool) throws SQLException {
        if (HISTORY <= 0) {
            return;
        }
        try (Connection c = pool.getConnection(); PreparedStatement delete = c.prepareStatement("DELETE FROM status_report"
                + " WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY activity_id"
                + " ORDER BY tertial DESC, received_at DESC, id DESC) AS newest FROM status_report) AS numbered"
                + " WHERE newest > ?)")) {
            delete.setInt(1, HISTORY);
            delete.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** The anchor's database half: one row written and read back in one transaction, through the same pool. */
    private static void insertAndSelect(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_anchor (v) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, "Enligt plan");
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT v FROM bench_anchor WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                }
            }
            c.commit();
        }
    }

    private static String stabToken(HttpClient http, String base) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/tokens"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"bench-stab\",\"role\":\"STAB\",\"person\":\"sara.lindqvist@ange.example\"}")).build();
        HttpResponse<String> created = http.send(request, HttpResponse.BodyHandlers.ofString());
        expect(201, created);
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (!token.find()) {
            throw new IllegalStateException("no token in " + created.body());
        }
        return token.group(1);
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
