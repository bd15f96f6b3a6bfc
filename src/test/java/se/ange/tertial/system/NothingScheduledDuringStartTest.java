package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No {@code @Scheduled} task runs during the start to healthy (issue 17): a task that fires 1 s after the start
 * builds its whole bean graph on another thread while the start still needs both cores. Each waits at least as
 * long as the Quartz scheduler's default start delay (10 s, schedule.SchedulerConfig); cron tasks run at their time.
 */
class NothingScheduledDuringStartTest {

    private static final Duration AFTER_THE_START = Duration.ofSeconds(10);

    @Test
    void every_fixed_delay_or_rate_task_first_runs_after_the_start() {
        try (ApplicationContext context = ApplicationContext.builder("test").start()) {
            List<String> early = new ArrayList<>();
            int tasks = 0;
            for (BeanDefinition<?> definition : context.getAllBeanDefinitions()) {
                for (ExecutableMethod<?, ?> method : definition.getExecutableMethods()) {
                    for (AnnotationValue<Scheduled> scheduled : method.getAnnotationValuesByType(Scheduled.class)) {
                        if (scheduled.stringValue("cron").isPresent()) {
                            continue;
                        }
                        tasks++;
                        // without initialDelay a fixed delay or rate task first runs after one period
                        String first = scheduled.stringValue("initialDelay").or(() -> scheduled.stringValue("fixedDelay"))
                                .or(() -> scheduled.stringValue("fixedRate")).orElseThrow();
                        Duration delay = context.getConversionService().convertRequired(
                                context.getEnvironment().getPlaceholderResolver().resolveRequiredPlaceholders(first),
                                Duration.class);
                        if (delay.compareTo(AFTER_THE_START) < 0) {
                            early.add(definition.getBeanType().getSimpleName() + "." + method.getMethodName() + " after "
                                    + delay);
                        }
                    }
                }
            }
            assertThat(tasks).as("scheduled tasks found").isGreaterThanOrEqualTo(3);
            assertThat(early).as("tasks that first run during the start").isEmpty();
        }
    }
}
