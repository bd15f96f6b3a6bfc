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
import javax.sql.DataSource;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micronaut.core.async.publisher.Publishers;

/**
 * The database check of {@code /health}, instead of Micronaut's (which names itself and its details after
 * the JDBC URL, host and database included): whether a connection answers, and for an admin the product
 * and its version. A failure's reason goes to the log, not to the answer.
 */
@Singleton
class DatabaseHealth implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);
    static final String NAME = "database";

    private final DataSource dataSource;
    private final ExecutorService blocking;

    DatabaseHealth(DataSource dataSource, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        // the plain pool: Micronaut Data's contextual proxy needs a surrounding transaction or connection
        this.dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(this::check, blocking));
    }

    private HealthResult check() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(3)) {
                return HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("error", "ingen kontakt")).build();
            }
            DatabaseMetaData meta = connection.getMetaData();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", meta.getDatabaseProductName());
            details.put("version", meta.getDatabaseProductVersion());
            return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
        } catch (Exception e) {
            LOG.warn("Health: the database does not answer: {}", e.toString());
            return HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("error", "ingen kontakt")).build();
        }
    }
}
