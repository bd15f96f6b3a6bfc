package se.ange.tertial.system;

import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.health.HealthStatus;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Duration;
import io.micronaut.management.health.indicator.annotation.Readiness;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micronaut.core.async.publisher.Publishers;

/**
 * The database check of {@code /health}, instead of Micronaut's (which names itself and its details after
 * the JDBC URL, host and database included): whether a connection answers, and for an admin the product
 * and its version. A failure's reason goes to the log, not to the answer. It is part of {@code /health} and
 * {@code /health/readiness}; {@code /health/liveness} does no I/O at all.
 */
@Singleton
@Readiness
class DatabaseHealth implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);
    static final String NAME = "database";
    /** Readiness must answer while the pool still waits for a connection (30 s), so a balancer can act. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final ExecutorService blocking;
    /** The check in flight: probes during an outage share it instead of each parking a thread on the pool. */
    private final AtomicReference<CompletableFuture<HealthResult>> inFlight = new AtomicReference<>();

    DatabaseHealth(DataSource dataSource, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        // the plain pool: Micronaut Data's contextual proxy needs a surrounding transaction or connection
        this.dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(() -> shared()
                .completeOnTimeout(down("svarar inte inom 2 s"), TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    private CompletableFuture<HealthResult> shared() {
        CompletableFuture<HealthResult> running = inFlight.get();
        if (running != null && !running.isDone()) {
            return running.copy();
        }
        CompletableFuture<HealthResult> fresh = CompletableFuture.supplyAsync(this::check, blocking);
        inFlight.set(fresh);
        return fresh.copy();
    }

    private HealthResult check() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(3)) {
                return down("ingen kontakt");
            }
            DatabaseMetaData meta = connection.getMetaData();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", meta.getDatabaseProductName());
            details.put("version", meta.getDatabaseProductVersion());
            return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
        } catch (Exception e) {
            LOG.warn("Health: the database does not answer: {}", e.toString());
            return down("ingen kontakt");
        }
    }

    private static HealthResult down(String why) {
        return HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("error", why)).build();
    }
}
