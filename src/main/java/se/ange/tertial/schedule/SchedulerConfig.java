package se.ange.tertial.schedule;

import java.time.Duration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * Settings under {@code tertial.scheduler.*}. On PostgreSQL the Quartz scheduler is clustered on the
 * service's database, so several instances can run and each job fires once; H2 is one instance.
 *
 * @param enabled     start the scheduler (tests that drive reminders by hand turn it off)
 * @param catchUpDays how many missed days a late run makes up for at most
 * @param startDelay  how long after the HTTP server is up the scheduler starts: its start is then not on the path to
 *                    healthy (issue 17); a trigger due meanwhile fires once it is up
 */
@ConfigurationProperties("tertial.scheduler")
public record SchedulerConfig(@Bindable(defaultValue = "true") boolean enabled,
                              @Bindable(defaultValue = "2") @Min(1) int threads,
                              @Bindable(defaultValue = "7500") @Min(1000) long clusterCheckinMillis,
                              @Bindable(defaultValue = "14") @Min(0) int catchUpDays,
                              @Bindable(defaultValue = "10s") Duration startDelay) {
}
