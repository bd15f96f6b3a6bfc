package se.ange.tertial.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Settings under {@code tertial.outbox.*}: retries back off from {@code firstRetryDelay}, doubling up to
 * {@code maxRetryDelay}; after {@code maxAttempts} a message is DEAD (listed at /api/outbox?state=DEAD).
 * {@code workers} deliver in parallel until nothing is due (each holds a database connection while it sends);
 * at shutdown they get {@code shutdownGrace} to finish the messages in hand. Each worker takes up to
 * {@code batchSize} messages per transaction (starting from one and doubling while deliveries succeed; the rest of
 * a batch is handed back when another worker is idle).
 */
@ConfigurationProperties("tertial.outbox")
public record OutboxConfig(@Bindable(defaultValue = "10") @Min(1) int maxAttempts,
                           @Bindable(defaultValue = "1m") Duration firstRetryDelay,
                           @Bindable(defaultValue = "1h") Duration maxRetryDelay,
                           @Bindable(defaultValue = "4") @Min(1) @Max(32) int workers,
                           @Bindable(defaultValue = "20s") Duration shutdownGrace,
                           @Bindable(defaultValue = "32") @Min(1) @Max(500) int batchSize) {

    Duration delayAfter(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration delay = firstRetryDelay.multipliedBy(factor);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
