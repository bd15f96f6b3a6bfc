package se.ange.tertial.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import se.ange.tertial.register.org.PersonOrder;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.CountingDriver;
import se.ange.tertial.support.TestPostgres;
import se.ange.tertial.web.signin.WebSessions;

/**
 * {@code /personer} (a page of 25 people, in Swedish order, paged in SQL) over HTTP on loopback with an admin's
 * session, at {@code bench.people} (5,000) people, on H2 and PostgreSQL, beside its anchor measured interleaved in the
 * same run: a bare JDBC select of the same page on the same pool. The goal is that a page costs as many statements at
 * 5,000 people as at 50 (no whole-register read); the times are indications. Medians of {@code bench.rounds} (5)
 * rounds of {@code bench.pages} (200) requests after a warm-up.
 *
 * <pre>mvn -q -o -Pbench test-compile exec:java -Dbench.main=se.ange.tertial.bench.PeopleBench</pre>
 */
public final class PeopleBench implements BenchSuite {

    private static final String AREA = "people";
    private static final int PEOPLE = Integer.getInteger("bench.people", 5_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int PER_ROUND = Integer.getInteger("bench.pages", 200);
    private static final String ANCHOR = "SELECT * FROM person ORDER BY sort_key, email LIMIT 25 OFFSET ?";

    private interface Op {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.out.println(BenchAll.table(new PeopleBench().run()));
        System.exit(0);
    }

    @Override
    public String name() {
        return "people";
    }

    @Override
    public List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>(measure("H2", Map.of()));
        figures.addAll(measure("PostgreSQL", TestPostgres.freshDatabase()));
        return figures;
    }

    private List<Figure> measure(String database, Map<String, String> datasource) throws Exception {
        Map<String, Object> settings = BenchSuite.countedDatabase("people", datasource);
        settings.putAll(Map.of("micronaut.server.port", "-1", "tertial.demo-data", "false",
                "tertial.scheduler.enabled", "false", "tertial.outbox.poll", "false",
                "tertial.security.first-start-token", "false",
                "tertial.data-dir", System.getProperty("java.io.tmpdir") + "/tertial-people-bench"));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(settings).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            DataSource pool = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            seed(pool, 0, 50);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO person_role (person_id, role) SELECT MIN(id), 'ADMIN' FROM person");
            }
            String cookie = context.getBean(WebSessions.class)
                    .startFor(context.getBean(PersonRepository.class).findByEmail("person0@bench.example").orElseThrow(),
                            "bench").cookie().getValue();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = server.getURI().resolve("/").toString();
            page(http, base, cookie, 2).run(); // the first request's one-off reads are not the page's
            int small = statements(page(http, base, cookie, 2));
            seed(pool, 50, PEOPLE);
            int middle = PEOPLE / 25 / 2;
            Op page = page(http, base, cookie, middle);
            int large = statements(page);
            Op jdbc = () -> {
                try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement(ANCHOR)) {
                    select.setInt(1, (middle - 1) * 25);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            rows.getString("name");
                        }
                    }
                }
            };
            for (int i = 0; i < PER_ROUND * 2; i++) { // warm-up: the JIT, the pool, the templates
                page.run();
                jdbc.run();
            }
            List<Double> pageP50 = new ArrayList<>(), anchorP50 = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long[] pages = new long[PER_ROUND], selects = new long[PER_ROUND];
                for (int i = 0; i < PER_ROUND; i++) { // interleaved, so that load from elsewhere hits both alike
                    pages[i] = time(page);
                    selects[i] = time(jdbc);
                }
                pageP50.add(Latencies.of(pages).ms(0.5));
                anchorP50.add(Latencies.of(selects).ms(0.5));
            }
            double value = Latencies.median(pageP50);
            double anchor = Latencies.median(anchorP50);
            System.out.printf("%s: /personer?sida=%d p50 %.2f ms, bare JDBC page %.2f ms; statements per page %d at 50"
                    + " people, %d at %,d%n", database, middle, value, anchor, small, large, PEOPLE);
            return List.of(new Figure(AREA, "/personer page %d of %d, %,d people, %s (%d statements)".formatted(middle,
                    PEOPLE / 25, PEOPLE, database, large), value, anchor, "ms",
                    "statements as at 50 people (" + small + ")", large == small));
        }
    }

    /** People {@code from} up to {@code to}, with Swedish names, keyed as the application keys them. */
    private static void seed(DataSource pool, int from, int to) throws Exception {
        String[] first = {"Åsa", "Örjan", "Anna", "Émile", "Erik", "Zara", "Ärla", "Bo", "eva", "Östen"};
        String[] last = {"Lindqvist", "Öberg", "Åkesson", "Ek", "Nordin", "Ärlig", "Berglund", "Karimi"};
        try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO person (name, email, sort_key, search_name) VALUES (?, ?, ?, ?)")) {
            for (int i = from; i < to; i++) {
                String name = first[i % first.length] + " " + last[i / first.length % last.length] + " " + i;
                insert.setString(1, name);
                insert.setString(2, "person" + i + "@bench.example");
                insert.setString(3, PersonOrder.sortKey(name));
                insert.setString(4, PersonOrder.searchName(name));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Op page(HttpClient http, String base, String cookie, int number) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "personer?sida=" + number))
                .header("Cookie", WebSessions.COOKIE + "=" + cookie).header("Accept", "text/html").GET().build();
        return () -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/personer answered " + response.statusCode());
            }
        };
    }

    /** The statements one run of {@code op} cost on every thread, commits and rollbacks left out. */
    private static int statements(Op op) throws Exception {
        CountingDriver.startEverywhere();
        op.run();
        return (int) CountingDriver.stopEverywhere().stream()
                .filter(s -> !s.endsWith(": COMMIT") && !s.endsWith(": ROLLBACK")).count();
    }

    private static long time(Op op) throws Exception {
        long started = System.nanoTime();
        op.run();
        return System.nanoTime() - started;
    }
}
