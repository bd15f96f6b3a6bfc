package se.ange.tertial.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.web.signin.WebSessions;

/**
 * Response time of every web page on loopback (as good as server time: the client is a plain JDK HttpClient
 * on the same machine), signed in as stab, a manager and an owner, on the demo data (79 activities) and on
 * a register of 20,000 activities and 4,000 owners. Prints p50/p95/max per page, next to the anchor: the
 * static stylesheet from the same server (routing, security filters and I/O, no page work).
 *
 * <pre>mvn -q -Pbench test-compile exec:java -Dbench.main=se.ange.tertial.bench.PageBench
 *   [-Dbench.activities=20000] [-Dbench.rounds=200]</pre>
 */
public final class PageBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 200);
    private static final List<String> PAGES = List.of("/", "/mina", "/aktiviteter", "/aktiviteter?view=deviations",
            "/aktiviteter?view=missing", "/installningar", "/login");

    public static void main(String[] args) throws Exception {
        run("demo data (79 activities)", Map.of("tertial.demo-data", "true"), null);
        int activities = Integer.getInteger("bench.activities", 20_000);
        run(activities + " activities, 4,000 owners", Map.of("tertial.demo-data", "false"), activities);
        System.exit(0);
    }

    private static void run(String label, Map<String, String> extra, Integer seedActivities) throws Exception {
        Map<String, Object> settings = new HashMap<>(Map.of("tertial.scheduler.enabled", "false",
                "tertial.outbox.poll", "false", "tertial.security.first-start-token", "false",
                "tertial.demo-year", "2024", "tertial.test.clock", "2024-04-10T08:00:00Z",
                "tertial.data-dir", System.getProperty("java.io.tmpdir") + "/tertial-page-bench",
                "micronaut.server.port", "-1",
                "datasources.default.url", "jdbc:h2:mem:pagebench" + System.nanoTime()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
        settings.putAll(extra);
        settings.put("tertial.register.cache-ttl", System.getProperty("bench.cache-ttl", "1s"));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(settings).start()) {
            PersonRepository people = context.getBean(PersonRepository.class);
            if (seedActivities != null) {
                DataSource pool = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
                BenchRegister.seed(pool, seedActivities, 4_000);
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("INSERT INTO person_role (person_id, role) SELECT MAX(id), 'STAB' FROM person");
                }
            }
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            WebSessions sessions = context.getBean(WebSessions.class);
            Map<String, Person> as = seedActivities == null
                    ? Map.of("stab", people.findByEmail("sara.lindqvist@ange.example").orElseThrow(),
                             "manager", people.findByEmail("johan.nordin@ange.example").orElseThrow(),
                             "owner", people.findByEmail("emma.berglund@ange.example").orElseThrow())
                    : Map.of("stab", people.findByEmail("person" + 4004 + "@bench.example").orElseThrow(),
                             "manager", people.findByEmail("person" + 4000 + "@bench.example").orElseThrow(),
                             "owner", people.findByEmail("person7@bench.example").orElseThrow());
            HttpClient client = HttpClient.newHttpClient();
            String base = server.getURL().toString();
            System.out.printf("%n== %s ==%n%-36s %-8s %8s %8s %8s  %s%n", label, "page", "as", "p50 ms", "p95 ms",
                    "max ms", "status");
            String anchorCookie = sessions.startFor(as.get("owner"), "bench").cookie().getValue();
            measure(client, base, "/static/tertial.css (anchor)", "/static/tertial.css", "-", anchorCookie);
            for (String role : List.of("stab", "manager", "owner")) {
                String cookie = sessions.startFor(as.get(role), "bench").cookie().getValue();
                for (String page : PAGES) {
                    measure(client, base, page, page, role, cookie);
                }
            }
        }
    }

    private static void measure(HttpClient client, String base, String label, String path, String role, String cookie)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", WebSessions.COOKIE + "=" + cookie).header("Accept", "text/html").GET().build();
        int status = 0;
        for (int i = 0; i < Math.max(10, ROUNDS / 10); i++) {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        long[] nanos = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            status = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf("%-36s %-8s %8.1f %8.1f %8.1f  %d%n", label, role, nanos[ROUNDS / 2] / 1e6,
                nanos[(int) Math.ceil(ROUNDS * 0.95) - 1] / 1e6, nanos[ROUNDS - 1] / 1e6, status);
    }
}
