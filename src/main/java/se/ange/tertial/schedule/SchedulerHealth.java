package se.ange.tertial.schedule;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.reactivestreams.Publisher;

/**
 * The scheduler's part of {@code /health}: it starts after the server is up ({@link QuartzScheduler}), so a start
 * that failed no longer stops the service; it turns {@code /health} DOWN instead, or reminders would silently stop.
 * UP while it is still starting: requests do not need it.
 */
@Singleton
@Requires(beans = QuartzScheduler.class)
class SchedulerHealth implements HealthIndicator {

    static final String NAME = "scheduler";

    private final BooleanSupplier failedToStart;

    @Inject
    SchedulerHealth(QuartzScheduler scheduler) {
        this(scheduler::failedToStart);
    }

    SchedulerHealth(BooleanSupplier failedToStart) {
        this.failedToStart = failedToStart;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HealthResult result = failedToStart.getAsBoolean()
                ? HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("error", "startade inte, se loggen")).build()
                : HealthResult.builder(NAME, HealthStatus.UP).build();
        return Publishers.just(result);
    }
}
