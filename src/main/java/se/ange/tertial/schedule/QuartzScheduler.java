package se.ange.tertial.schedule;

import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Properties;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.system.ReminderConfig;
import se.ange.tertial.system.TertialConfig;

/**
 * Quartz with its JDBC job store in the service's own database, clustered on PostgreSQL. Jobs are beans
 * (one-line calls into use cases); the daily reminder trigger fires at the configured local time and,
 * after downtime, once on start ("fire and proceed"), the job itself making up for the missed days.
 *
 * <p>It starts {@code tertial.scheduler.start-delay} (10 s) after the HTTP server is up, on a thread of its own, not
 * with the application context: the scheduler and the jobs' beans (the Swedish holiday calendar, mail templates)
 * are not needed to answer a request, so the service is healthy sooner (issue 17). A trigger due in between fires
 * once it is up (misfire handling as after downtime); a failed start is logged and {@link SchedulerHealth} turns
 * {@code /health} DOWN.
 */
@Singleton
@Requires(property = "tertial.scheduler.enabled", notEquals = "false")
public class QuartzScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(QuartzScheduler.class);
    static final JobKey REMINDERS = JobKey.jobKey("daily-reminders", "tertial");

    private final DataSource dataSource;
    private final BeanContext beans;
    private final SchedulerConfig config;
    private final ReminderConfig reminders;
    private final TertialConfig tertial;
    /** Resolved on the start thread: the jobs' beans are the bulk of what the start creates. */
    private final BeanProvider<PlannedJob> planned;
    /** How long {@link #scheduler()} and the stop wait for a start in flight. */
    private static final Duration START_WAIT = Duration.ofMinutes(2);
    private Scheduler scheduler;
    private CompletableFuture<Scheduler> starting;
    private ScheduledFuture<?> pendingStart;

    QuartzScheduler(DataSource dataSource, BeanContext beans, SchedulerConfig config, ReminderConfig reminders,
                    TertialConfig tertial, BeanProvider<PlannedJob> planned) {
        this.dataSource = dataSource;
        this.beans = beans;
        this.config = config;
        this.reminders = reminders;
        this.tertial = tertial;
        this.planned = planned;
    }

    /** The start, on a thread of its own, {@code start-delay} after the server is up; {@link #scheduler()} waits for it. */
    @EventListener
    synchronized void start(ServerStartupEvent event) {
        if (starting != null) {
            return;
        }
        CompletableFuture<Scheduler> start = new CompletableFuture<>();
        starting = start;
        ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tertial-scheduler-start");
            thread.setDaemon(true);
            return thread;
        });
        pendingStart = starter.schedule(() -> {
            try {
                startNow();
                start.complete(scheduler);
            } catch (Throwable e) {
                LOG.error("The Quartz scheduler did not start: no reminders or digests are sent until a restart", e);
                start.completeExceptionally(e);
            }
        }, config.startDelay().toMillis(), TimeUnit.MILLISECONDS);
        starter.shutdown();   // the one task still runs; the thread ends after it
    }

    private synchronized void startNow() throws SchedulerException {
        // Quartz manages its own transactions: give it the real pool, not Micronaut Data's
        // transaction-aware proxy (stack notes, trap 6).
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        boolean postgres = isPostgres(pool);
        String dataSourceName = "tertial-" + java.util.UUID.randomUUID(); // one per application context
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void shutdown() {
                // the pool belongs to Micronaut
            }

            @Override
            public void initialize() {
                // nothing to do
            }
        });
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "tertial");
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(config.threads()));
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        properties.setProperty("org.quartz.jobStore.isClustered", String.valueOf(postgres));
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(config.clusterCheckinMillis()));
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        scheduler = new StdSchedulerFactory(properties).getScheduler();
        // Quartz keeps schedulers in a JVM-wide registry by name; cluster nodes share the name, so take it
        // out: another application context in this JVM (a test's second node) must get a scheduler of its own.
        org.quartz.impl.SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        scheduler.setJobFactory((bundle, s) -> beans.getBean(bundle.getJobDetail().getJobClass()));
        scheduleReminders();
        for (PlannedJob job : planned.stream().toList()) {
            schedule(job.job(), job.trigger(tertial.zone()));
        }
        scheduler.start();
        LOG.info("Quartz scheduler started ({}), reminders daily at {} {}", postgres ? "clustered on PostgreSQL" : "single instance",
                reminders.sendAt(), tertial.zone());
    }

    /** The daily reminder trigger. */
    private void scheduleReminders() throws SchedulerException {
        JobDetail job = JobBuilder.newJob(DailyReminderJob.class).withIdentity(REMINDERS).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey("daily-reminders", "tertial"))
                .forJob(REMINDERS)
                .withSchedule(CronScheduleBuilder
                        .dailyAtHourAndMinute(reminders.sendAt().getHour(), reminders.sendAt().getMinute())
                        .inTimeZone(TimeZone.getTimeZone(tertial.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        schedule(job, trigger);
    }

    /** Creates or updates a job and its trigger; instances racing here agree on one job and one trigger. */
    private void schedule(JobDetail job, Trigger trigger) throws SchedulerException {
        try {
            scheduler.addJob(job, true);
            if (scheduler.checkExists(trigger.getKey())) {
                scheduler.rescheduleJob(trigger.getKey(), trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (org.quartz.ObjectAlreadyExistsException raced) {
            LOG.debug("Another instance scheduled {} first", job.getKey());
        }
    }

    /** The started scheduler (waits for the start); empty when it failed to start or the server never started. */
    public Optional<Scheduler> started() {
        CompletableFuture<Scheduler> start;
        synchronized (this) {
            start = starting;
        }
        if (start == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(start.get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            return Optional.empty();
        }
    }

    /** True once a start has failed (not while it is still under way). */
    synchronized boolean failedToStart() {
        return starting != null && starting.isCompletedExceptionally();
    }

    public Scheduler scheduler() {
        return started().orElseThrow(() -> new IllegalStateException("the Quartz scheduler has not started"));
    }

    @EventListener
    void stop(ShutdownEvent event) throws SchedulerException {
        synchronized (this) {
            if (pendingStart != null && pendingStart.cancel(false)) {   // stopped before the delay was over
                starting.cancel(false);
                return;
            }
        }
        Optional<Scheduler> running = started();   // a start in flight finishes first, then stops
        if (running.isPresent()) {
            running.get().shutdown(true);
        }
    }

    private static boolean isPostgres(DataSource pool) {
        try (Connection connection = pool.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database type", e);
        }
    }
}
