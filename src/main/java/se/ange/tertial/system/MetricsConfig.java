package se.ange.tertial.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings under {@code tertial.metrics.*}: {@code token} lets a Prometheus server scrape {@code /prometheus}
 * without an admin's credentials (unset: only an admin may); {@code outboxCache} is how long the outbox counts
 * are reused, so frequent scrapes cost one grouped query at most this often.
 */
@ConfigurationProperties("tertial.metrics")
public record MetricsConfig(@Nullable String token,
                            @Bindable(defaultValue = "5s") Duration outboxCache) {

    public MetricsConfig {
        if (outboxCache == null || outboxCache.isNegative()) {
            outboxCache = Duration.ofSeconds(5);
        }
    }
}
