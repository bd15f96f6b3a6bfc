package se.ange.tertial.schedule;

import jakarta.inject.Singleton;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The scheduler's daily trigger: decide and enqueue today's reminders (and any missed days'). */
@Singleton
@DisallowConcurrentExecution
class DailyReminderJob implements Job {

    private final ReminderRun reminders;

    DailyReminderJob(ReminderRun reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(JobExecutionContext context) {
        reminders.runDue();
    }
}
