package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * While the database hangs (the pool waits up to 30 s for a connection), readiness answers DOWN at its own 2 s
 * timeout, and probes in the meantime share the one check instead of each taking a thread.
 */
class DatabaseHealthTest {

    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger attempts = new AtomicInteger();
    private final ExecutorService blocking = Executors.newCachedThreadPool();

    @AfterEach
    void release() {
        released.countDown();
        blocking.shutdownNow();
    }

    @Test
    void a_hanging_database_is_reported_down_and_probes_share_one_attempt() {
        DatabaseHealth health = new DatabaseHealth(new HangingDataSource(), blocking);

        // the bound is a test guard well above the 2 s timeout, not a measurement: without the timeout this
        // waits for the pool and fails here
        HealthResult first = Mono.from(health.getResult()).block(Duration.ofSeconds(20));
        HealthResult second = Mono.from(health.getResult()).block(Duration.ofSeconds(20));

        assertThat(first.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(first.getDetails()).isEqualTo(Map.of("error", "svarar inte inom 2 s"));
        assertThat(second.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(attempts).hasValue(1);
    }

    /** A pool whose every connection request waits until the test ends. */
    private final class HangingDataSource implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("Connection is not available, request timed out after 30000ms");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
