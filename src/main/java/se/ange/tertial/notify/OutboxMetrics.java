package se.ange.tertial.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.system.MetricsConfig;

/**
 * The outbox in Prometheus: {@code tertial_outbox_messages{state,channel}} (a gauge per state and channel, all
 * from one grouped query, reused for {@code tertial.metrics.outbox-cache} so a scrape is cheap) and
 * {@code tertial_deliveries_total{channel,result}} (sent, failed and to be retried, dead: given up). Created at
 * start so every series is there, at 0, before anything happens.
 */
@Context
public class OutboxMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxMetrics.class);
    static final String MESSAGES = "tertial.outbox.messages";
    static final String DELIVERIES = "tertial.deliveries";
    /** A scrape waits this long for the count; during a database outage it gets the last counts instead. */
    private static final Duration QUERY_WAIT = Duration.ofSeconds(2);

    /** What became of one delivery attempt. */
    public enum Result { SENT, FAILED, DEAD }

    private record Counts(long takenAtNanos, Map<String, Long> byStateAndChannel) {
    }

    private final DataSource dataSource;
    private final ExecutorService blocking;
    private final Duration cache;
    private final Map<ReminderChannel, Map<Result, Counter>> deliveries = new EnumMap<>(ReminderChannel.class);
    private volatile Counts counts;
    private CompletableFuture<Counts> refreshing;

    OutboxMetrics(MeterRegistry registry, DataSource dataSource, MetricsConfig config,
                  @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        // the plain pool: a scrape runs outside any transaction
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.blocking = blocking;
        this.cache = config.outboxCache();
        for (ReminderChannel channel : ReminderChannel.values()) {
            String channelName = channel.name().toLowerCase(java.util.Locale.ROOT);
            for (OutboxState state : OutboxState.values()) {
                String key = state.name() + "|" + channel.name();
                Gauge.builder(MESSAGES, this, metrics -> metrics.count(key))
                        .description("Outbox messages by state and channel")
                        .tag("state", state.name().toLowerCase(java.util.Locale.ROOT)).tag("channel", channelName)
                        .register(registry);
            }
            Map<Result, Counter> byResult = new EnumMap<>(Result.class);
            for (Result result : Result.values()) {
                byResult.put(result, Counter.builder(DELIVERIES)
                        .description("Delivery attempts by channel and result (failed: to be retried; dead: given up)")
                        .tag("channel", channelName).tag("result", result.name().toLowerCase(java.util.Locale.ROOT))
                        .register(registry));
            }
            deliveries.put(channel, byResult);
        }
    }

    /** One delivery attempt of a message meant for {@code channel} ended so. */
    public void delivery(ReminderChannel channel, Result result) {
        deliveries.get(channel).get(result).increment();
    }

    private double count(String key) {
        Counts current = fresh();
        return current == null ? Double.NaN : current.byStateAndChannel().getOrDefault(key, 0L);
    }

    /** The counts, asked again when older than the cache; the last ones (or none) if the database is slow. */
    private Counts fresh() {
        Counts current = counts;
        if (current != null && System.nanoTime() - current.takenAtNanos() < cache.toNanos()) {
            return current;
        }
        CompletableFuture<Counts> query;
        synchronized (this) {
            if (refreshing == null || refreshing.isDone()) {
                refreshing = CompletableFuture.supplyAsync(this::query, blocking);
            }
            query = refreshing;
        }
        try {
            Counts queried = query.get(QUERY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (queried != null) {
                counts = queried;
                return queried;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Outbox counts for the metrics: {}", e.toString());
        }
        return counts;
    }

    private Counts query() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT state, channel, COUNT(*) FROM outbox_message GROUP BY state, channel");
             ResultSet rows = statement.executeQuery()) {
            Map<String, Long> found = new HashMap<>();
            while (rows.next()) {
                found.put(rows.getString(1) + "|" + rows.getString(2), rows.getLong(3));
            }
            return new Counts(System.nanoTime(), Map.copyOf(found));
        } catch (Exception e) {
            LOG.warn("Metrics: the outbox could not be counted: {}", e.toString());
            return null;
        }
    }
}
