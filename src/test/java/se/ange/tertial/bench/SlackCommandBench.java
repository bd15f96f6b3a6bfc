package se.ange.tertial.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.app_backend.SlackSignature;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The slash-command path under load: {@code bench.clients} (50) concurrent clients on loopback send signed
 * {@code /tertial} commands (mina, försenade, avvikelser, aktivitet, saknas, hjälp) for the 2024 demo register,
 * and in the same run the same load generator sends the same signed requests to a no-op endpoint on the same
 * server stack ({@link NoOpController}): that is the client's own floor, so the table shows whether the bench
 * measures Tertial or itself. Rounds alternate (commands, no-op), medians of {@code bench.rounds} (3).
 *
 * <p>The load generator: each client is one thread with its own kept-alive HTTP/1.1 connection ({@link PlainHttp},
 * blocking, no selector thread), requests signed before the round starts. The earlier client (one JDK HttpClient
 * shared by 50 threads, HTTP/2 by default, so connections first tried an h2c upgrade and one selector thread
 * handed over every response) gave p99 134–198 ms where a plain load generator saw 27 ms: it measured itself.
 * {@code -Dbench.slack.shared-client=true} also runs that client against the no-op, for comparison.
 *
 * <pre>mvn -q -o -Pbench test-compile exec:java -Dbench.main=se.ange.tertial.bench.SlackCommandBench</pre>
 */
public final class SlackCommandBench implements BenchSuite {

    private static final String AREA = "slack";
    private static final String SECRET = "bench-signing-secret";
    private static final int CLIENTS = Integer.getInteger("bench.clients", 50);
    private static final int PER_CLIENT = Integer.getInteger("bench.requests", 40);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final List<String> COMMANDS = List.of("mina", "försenade", "avvikelser", "aktivitet KS2024-002",
            "saknas", "hjälp");

    public static void main(String[] args) throws Exception {
        System.out.println(BenchAll.table(new SlackCommandBench().run()));
        System.exit(0);
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public List<Figure> run() throws Exception {
        WireMockServer slackApi = new WireMockServer(options().dynamicPort());
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\"}")));
        Map<String, Object> settings = new HashMap<>(Map.of("micronaut.server.port", "-1", "tertial.demo-data", "true",
                "tertial.scheduler.enabled", "false", "tertial.outbox.poll", "false",
                "tertial.security.first-start-token", "false", "tertial.slack.signing-secret", SECRET,
                "tertial.slack.bot-token", "bench-token", "tertial.slack.api-url", slackApi.baseUrl() + "/api/",
                "datasources.default.url", "jdbc:h2:mem:slackbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "micronaut.server.thread-selection", "AUTO"));
        settings.put("tertial.demo-year", "2024"); // the commands name KS2024 refs
        settings.put("tertial.bench.no-op", "true");
        settings.put("tertial.data-dir", System.getProperty("java.io.tmpdir") + "/tertial-slack-bench");
        try (EmbeddedServer server = ApplicationContext.builder().deduceEnvironment(false).properties(settings)
                .run(EmbeddedServer.class)) {
            URI commands = server.getURI().resolve("/slack/events");
            URI noOp = server.getURI().resolve("/api/bench/no-op");
            IntFunction<Sender> ownClient = client -> new Sender.Plain(new PlainHttp(commands));
            // a first round of each under the same load lets the JIT compile the hot paths
            System.err.println("warm-up: commands …");
            round(ownClient, commands, Math.max(1, PER_CLIENT / 2));
            System.err.println("warm-up: no-op …");
            round(ownClient, noOp, Math.max(1, PER_CLIENT / 2));
            List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>(), floorP50 = new ArrayList<>(),
                    floorP99 = new ArrayList<>(), rate = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                long started = System.nanoTime();
                Latencies measured = round(ownClient, commands, PER_CLIENT);
                rate.add(CLIENTS * PER_CLIENT / ((System.nanoTime() - started) / 1e9));
                Latencies floor = round(ownClient, noOp, PER_CLIENT);
                p50.add(measured.ms(0.5));
                p99.add(measured.ms(0.99));
                floorP50.add(floor.ms(0.5));
                floorP99.add(floor.ms(0.99));
            }
            System.err.printf("slash commands: %d clients × %d requests, %.0f req/s; p50 %.1f ms, p99 %.1f ms; "
                            + "no-op with the same client p50 %.1f ms, p99 %.1f ms%n", CLIENTS, PER_CLIENT,
                    Latencies.median(rate), Latencies.median(p50), Latencies.median(p99), Latencies.median(floorP50),
                    Latencies.median(floorP99));
            List<Figure> figures = new ArrayList<>();
            String load = CLIENTS + " clients";
            figures.add(new Figure(AREA, "slash command p50, " + load + " (anchor: no-op endpoint, same client and run)",
                    Latencies.median(p50), Latencies.median(floorP50), "ms", "< 100 ms", Latencies.median(p50) < 100));
            figures.add(new Figure(AREA, "slash command p99, " + load + " (anchor: no-op endpoint, same client and run)",
                    Latencies.median(p99), Latencies.median(floorP99), "ms", "< 100 ms", Latencies.median(p99) < 100));
            if (Boolean.getBoolean("bench.slack.shared-client")) {
                HttpClient shared = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                Latencies before = round(client -> new Sender.Jdk(shared), noOp, PER_CLIENT);
                figures.add(new Figure(AREA, "no-op p99, " + load + ", the earlier shared HTTP/2 client (anchor: this client)",
                        before.ms(0.99), Latencies.median(floorP99), "ms", "info", true));
            }
            return figures;
        } finally {
            slackApi.stop();
        }
    }

    /** One round: every client sends {@code perClient} signed commands one after the other; all round trips. */
    private static Latencies round(IntFunction<Sender> clientFor, URI endpoint, int perClient) throws Exception {
        List<Signed> requests = COMMANDS.stream().map(text -> signed(endpoint, text)).toList();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(CLIENTS * perClient));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Sender http = clientFor.apply(client);
            running.add(clients.submit(() -> {
                long[] own = new long[perClient];
                start.await();
                for (int i = 0; i < perClient; i++) {
                    long t0 = System.nanoTime();
                    int status = http.send(requests.get((client + i) % requests.size()));
                    own[i] = System.nanoTime() - t0;
                    if (status != 200) {
                        throw new IllegalStateException("HTTP " + status + " from " + endpoint);
                    }
                }
                for (long l : own) {
                    latencies.add(l);
                }
                http.close();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        return Latencies.of(latencies);
    }

    /** One signed command, as the JDK client's request and as plain bytes. */
    private record Signed(HttpRequest request, byte[] bytes) {
    }

    private static Signed signed(URI endpoint, String text) {
        String body = "team_id=T1&channel_id=D1&user_id=U05STAB001&user_name=sara&command=%2Ftertial&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url=http%3A%2F%2Flocalhost%2Fx&trigger_id=1";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Map<String, String> headers = Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(timestamp, body));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return new Signed(request.build(), PlainHttp.post(endpoint, headers, body));
    }

    /** A client of the load generator: the plain one, or the JDK HttpClient the bench used before. */
    private interface Sender extends AutoCloseable {

        int send(Signed request) throws Exception;

        @Override
        default void close() throws Exception {
        }

        record Plain(PlainHttp http) implements Sender {
            public int send(Signed request) throws Exception {
                return http.send(request.bytes());
            }

            @Override
            public void close() throws Exception {
                http.close();
            }
        }

        record Jdk(HttpClient http) implements Sender {
            public int send(Signed request) throws Exception {
                return http.send(request.request(), HttpResponse.BodyHandlers.discarding()).statusCode();
            }
        }
    }
}
