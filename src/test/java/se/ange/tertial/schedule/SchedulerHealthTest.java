package se.ange.tertial.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The scheduler starts after the server is up: a failed start shows in /health instead of stopping the service. */
class SchedulerHealthTest {

    @Test
    void a_scheduler_that_failed_to_start_is_down() {
        HealthResult result = Mono.from(new SchedulerHealth(() -> true).getResult()).block(Duration.ofSeconds(5));

        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.getName()).isEqualTo("scheduler");
    }

    @Test
    void a_scheduler_starting_or_started_is_up() {
        HealthResult result = Mono.from(new SchedulerHealth(() -> false).getResult()).block(Duration.ofSeconds(5));

        assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
    }
}
