package se.ange.tertial.digest;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import se.ange.tertial.schedule.PlannedJob;

/**
 * Every morning at {@code tertial.digest.send-at} (07:30 Europe/Stockholm) the digests due that day are
 * made; after downtime the trigger fires once on start and the run catches up the week.
 */
@Singleton
@DisallowConcurrentExecution
@Requires(property = "tertial.digest.enabled", notEquals = "false")
class DigestJob implements Job, PlannedJob {

    private static final JobKey KEY = JobKey.jobKey("weekly-digest", "tertial");

    private final DigestRun digests;
    private final DigestConfig config;

    DigestJob(DigestRun digests, DigestConfig config) {
        this.digests = digests;
        this.config = config;
    }

    @Override
    public void execute(JobExecutionContext context) {
        digests.runDue();
    }

    @Override
    public JobDetail job() {
        return JobBuilder.newJob(DigestJob.class).withIdentity(KEY).storeDurably().build();
    }

    @Override
    public Trigger trigger(ZoneId zone) {
        return TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey("weekly-digest", "tertial")).forJob(KEY)
                .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(config.sendAt().getHour(), config.sendAt().getMinute())
                        .inTimeZone(TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
