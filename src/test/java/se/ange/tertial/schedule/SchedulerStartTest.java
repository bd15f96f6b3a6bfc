package se.ange.tertial.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduler is not part of the start to healthy (issue 17): it starts after the HTTP server is up, on a thread
 * of its own, {@code tertial.scheduler.start-delay} later; a stop before then cancels the start instead of waiting.
 */
class SchedulerStartTest {

    @Test
    void the_scheduler_starts_after_the_server_is_up() throws Exception {
        Map<String, Object> settings = Map.of("tertial.scheduler.enabled", "true", "micronaut.server.port", "-1");
        try (ApplicationContext context = ApplicationContext.builder("test").properties(settings).start()) {
            // the application context alone (no server) leaves it unstarted
            assertThat(context.getBean(QuartzScheduler.class).started()).isEmpty();
        }
        try (EmbeddedServer server = ApplicationContext.builder("test").properties(settings).run(EmbeddedServer.class)) {
            QuartzScheduler scheduler = server.getApplicationContext().getBean(QuartzScheduler.class);
            assertThat(scheduler.started()).hasValueSatisfying(started -> assertThat(isStarted(started)).isTrue());
            assertThat(scheduler.failedToStart()).isFalse();
            assertThat(scheduler.scheduler().checkExists(QuartzScheduler.REMINDERS)).isTrue();
        }
    }

    @Test
    void a_stop_before_the_delay_is_over_cancels_the_start() {
        Map<String, Object> settings = Map.of("tertial.scheduler.enabled", "true", "micronaut.server.port", "-1",
                "tertial.scheduler.start-delay", "1h");
        QuartzScheduler scheduler;
        try (EmbeddedServer server = ApplicationContext.builder("test").properties(settings).run(EmbeddedServer.class)) {
            scheduler = server.getApplicationContext().getBean(QuartzScheduler.class);
            assertThat(scheduler.failedToStart()).as("still waiting, not failed").isFalse();
        }
        assertThat(scheduler.started()).isEmpty();
    }

    private static boolean isStarted(org.quartz.Scheduler scheduler) {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
