package se.ange.tertial.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.listeners.JobListenerSupport;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.OutboxState;
import se.ange.tertial.support.Eventually;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestPostgres;

/**
 * Two instances on one PostgreSQL, each with its clustered Quartz scheduler and its outbox workers (two
 * threads each, polling every second): the reminder job fires once, and every reminder reaches the SMTP
 * server once.
 */
class ClusteredRemindersTest {

    @Test
    void two_instances_fire_the_reminder_job_once_and_deliver_each_reminder_once() throws Exception {
        int smtpPort = se.ange.tertial.support.Ports.free();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, Object> settings = new HashMap<>(TestPostgres.freshDatabase());
        settings.putAll(Map.of("tertial.scheduler.enabled", "true", "tertial.scheduler.cluster-checkin-millis", "1000",
                "tertial.test.clock", "2024-03-28T06:00:00Z", "tertial.mail.smtp.host", "127.0.0.1",
                "tertial.mail.smtp.port", String.valueOf(smtpPort), "micronaut.server.port", "-1"));
        // both instances' outbox workers, two threads each, drain what the run enqueued
        settings.putAll(Map.of("tertial.outbox.poll", "true", "tertial.outbox.poll-interval", "1s",
                "tertial.outbox.poll-initial-delay", "1s", "tertial.outbox.workers", "2"));
        AtomicInteger jobRuns = new AtomicInteger();
        try (EmbeddedServer first = ApplicationContext.builder("test").properties(settings).run(EmbeddedServer.class);
             EmbeddedServer second = ApplicationContext.builder("test").properties(settings).run(EmbeddedServer.class);
             HttpClient client = HttpClient.create(first.getURL())) {
            Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
            admin.postCsv("/api/import/people", Fixtures.people());
            admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
            int expected = ((List<?>) Api.body(admin.get("/api/reminders/preview?on=2024-03-28")).get("items")).size();
            assertThat(expected).isGreaterThan(5);

            List<Scheduler> schedulers = List.of(scheduler(first), scheduler(second));
            assertThat(schedulers.get(0).getMetaData().isJobStoreClustered()).isTrue();
            assertThat(schedulers.get(0).getSchedulerInstanceId()).isNotEqualTo(schedulers.get(1).getSchedulerInstanceId());
            for (Scheduler scheduler : schedulers) {
                scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
                    @Override
                    public String getName() {
                        return "count-" + System.identityHashCode(scheduler);
                    }

                    @Override
                    public void jobWasExecuted(JobExecutionContext context, JobExecutionException error) {
                        jobRuns.incrementAndGet();
                    }
                });
            }
            // As at 08:00: one trigger in the shared store, seen by both nodes.
            schedulers.get(0).scheduleJob(TriggerBuilder.newTrigger().withIdentity("now", "test")
                    .forJob(QuartzScheduler.REMINDERS).startAt(new Date(System.currentTimeMillis() + 1000)).build());
            long deadline = System.currentTimeMillis() + 30_000;
            while (jobRuns.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(3000); // room for a wrong second firing on the other node
            assertThat(jobRuns.get()).isEqualTo(1);

            OutboxRepository outbox = first.getApplicationContext().getBean(OutboxRepository.class);
            assertThat(Eventually.within(120, () -> outbox.findByStateOrderById(OutboxState.SENT).size() == expected))
                    .as("every reminder sent").isTrue();
            assertThat(outbox.findByStateOrderById(OutboxState.PENDING)).isEmpty();
            List<String> recipients = Arrays.stream(smtp.getReceivedMessages())
                    .map(m -> {
                        try {
                            return m.getAllRecipients()[0].toString();
                        } catch (jakarta.mail.MessagingException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
            assertThat(recipients).hasSize(expected).doesNotHaveDuplicates();
        } finally {
            smtp.stop();
        }
    }

    private static Scheduler scheduler(EmbeddedServer server) {
        return server.getApplicationContext().getBean(QuartzScheduler.class).scheduler();
    }
}
