package se.ange.tertial.schedule;

import java.time.ZoneId;
import org.quartz.JobDetail;
import org.quartz.Trigger;

/**
 * A Quartz job another feature wants on the shared, clustered scheduler (the weekly digest, …). The job
 * class must be a bean; the trigger is created or updated on every start, so a changed time takes effect.
 */
public interface PlannedJob {

    JobDetail job();

    Trigger trigger(ZoneId zone);
}
