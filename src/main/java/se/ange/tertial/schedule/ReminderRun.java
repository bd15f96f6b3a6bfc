package se.ange.tertial.schedule;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import se.ange.tertial.notify.OutboxFilled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.OpenActivities;
import se.ange.tertial.register.org.Person;

/**
 * A day's reminders: what the planner decides, less what was already enqueued, written to the outbox in
 * one transaction. Running a day twice enqueues nothing new; a person already messaged that day gets
 * nothing more (their new items wait for the next reminder day).
 */
@Singleton
public class ReminderRun {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderRun.class);

    /** What a run did. */
    @io.micronaut.serde.annotation.Serdeable
    public record Result(LocalDate day, int messages, int items) {
    }

    private final ReminderPlanner planner;
    private final OpenActivities open;
    private final ReminderReads reads;
    private final OutboxRepository outbox;
    private final ReminderItemRepository items;
    private final JdbcOperations jdbc;
    private final SchedulerConfig config;
    private final Clock clock;
    private final ApplicationEventPublisher<OutboxFilled> filled;

    ReminderRun(ReminderPlanner planner, OpenActivities open, ReminderReads reads, OutboxRepository outbox,
                ReminderItemRepository items, JdbcOperations jdbc, SchedulerConfig config, Clock clock,
                ApplicationEventPublisher<OutboxFilled> filled) {
        this.filled = filled;
        this.jdbc = jdbc;
        this.config = config;
        this.planner = planner;
        this.open = open;
        this.reads = reads;
        this.outbox = outbox;
        this.items = items;
        this.clock = clock;
    }

    /**
     * Exactly what {@link #run} would enqueue on the day, without enqueueing it. Reads only what the day's
     * reminders can concern (its {@link ReminderPlanner.Scope}), in a number of queries that does not grow with
     * the register.
     */
    @Transactional
    public List<PlannedMessage> preview(LocalDate day) {
        ReminderPlanner.Scope scope = planner.scope(day);
        if (scope.isEmpty()) {
            return List.of();
        }
        List<ActivityView> activities = open.remindable(scope.tertials(), scope.endDates());
        if (activities.isEmpty()) {
            return List.of(); // every reminder is about an activity: nobody to read
        }
        List<PlannedMessage> planned = planner.plan(day, activities, reads.directory(activities, day));
        return planned.isEmpty() ? planned : unsent(planned, reads.enqueued(day, day, scope));
    }

    /**
     * {@link #preview} for each of {@code count} days from {@code first} (the reminder calendar), reading what the
     * days can concern once — their scopes together — rather than once a day, and never the whole register.
     */
    @Transactional
    public Map<LocalDate, List<PlannedMessage>> previewDays(LocalDate first, int count) {
        LocalDate last = first.plusDays(count - 1L);
        ReminderPlanner.Scope period = planner.scope(first, last);
        // the rules decide per day among everything the period concerns: a day plans the same on more activities
        List<ActivityView> activities = open.remindable(period.tertials(), period.endDates());
        Directory directory = activities.isEmpty() ? null : reads.directory(activities, first, last);
        Map<LocalDate, List<PlannedMessage>> days = new java.util.LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.put(day, activities.isEmpty() ? List.of() : planner.plan(day, activities, directory));
        }
        if (days.values().stream().anyMatch(planned -> !planned.isEmpty())) {
            ReminderReads.Enqueued enqueued = reads.enqueued(first, last, period);
            days.replaceAll((day, planned) -> unsent(planned, enqueued));
        }
        return days;
    }

    /** The planned reminders less those already enqueued, and nothing more for whoever was messaged that day. */
    private static List<PlannedMessage> unsent(List<PlannedMessage> planned, ReminderReads.Enqueued enqueued) {
        return planned.stream()
                .filter(m -> !enqueued.messaged(m.recipient().id(), m.day()))
                .map(m -> new PlannedMessage(m.recipient(), m.day(), m.items().stream()
                        .filter(i -> !enqueued.has(m.recipient().id(), i.key())).toList()))
                .filter(m -> !m.items().isEmpty())
                .toList();
    }

    /**
     * The scheduler's run: today, plus the working days missed since the last run (the service was down),
     * merged into one message per person so nobody gets several at once. Each day is recorded as run.
     */
    @Transactional
    @io.micrometer.core.annotation.Timed(value = "tertial.reminder.run", extraTags = {"trigger", "scheduled"})
    public Result runDue() {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = jdbc.prepareStatement("SELECT MAX(run_day) FROM reminder_run_day", statement -> {
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getDate(1) != null ? rows.getDate(1).toLocalDate() : null;
            }
        });
        if (last != null && !last.isBefore(today)) {
            return new Result(today, 0, 0);
        }
        LocalDate from = last == null ? today : Collections.max(List.of(last.plusDays(1), today.minusDays(config.catchUpDays())));
        List<LocalDate> days = from.datesUntil(today.plusDays(1)).toList();
        Result result = enqueue(merge(days.stream().flatMap(day -> preview(day).stream()).toList(), today), today);
        days.forEach(day -> jdbc.prepareStatement("INSERT INTO reminder_run_day (run_day, ran_at) VALUES (?, ?)", statement -> {
            statement.setObject(1, day);
            statement.setObject(2, java.sql.Timestamp.from(clock.instant()));
            return statement.executeUpdate();
        }));
        return result;
    }

    /** Decides and enqueues one day's reminders now, exactly as the scheduler would on that day. */
    @Transactional
    @io.micrometer.core.annotation.Timed(value = "tertial.reminder.run", extraTags = {"trigger", "manual"})
    public Result run(LocalDate day) {
        return enqueue(preview(day), day);
    }

    private static List<PlannedMessage> merge(List<PlannedMessage> planned, LocalDate sendOn) {
        Map<Long, Person> recipients = new java.util.LinkedHashMap<>();
        Map<Long, Map<String, ReminderItem>> items = new java.util.HashMap<>();
        for (PlannedMessage message : planned) {
            recipients.putIfAbsent(message.recipient().id(), message.recipient());
            Map<String, ReminderItem> theirs = items.computeIfAbsent(message.recipient().id(),
                    id -> new java.util.LinkedHashMap<>());
            message.items().forEach(item -> theirs.putIfAbsent(item.key(), item)); // the earliest day's item wins
        }
        return recipients.values().stream()
                .map(p -> new PlannedMessage(p, sendOn, List.copyOf(items.get(p.id()).values()))).toList();
    }

    private Result enqueue(List<PlannedMessage> fresh, LocalDate day) {
        // one batch of messages (their ids come back in order), then one batch of their items
        List<OutboxMessage> saved = outbox.saveAll(fresh.stream().map(message -> OutboxMessage.reminder(
                message.recipient().id(), message.recipient().reminderChannel(), message.day(), clock.instant()))
                .toList());
        List<ReminderItemRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            PlannedMessage message = fresh.get(i);
            long messageId = saved.get(i).id();
            for (ReminderItem item : message.items()) {
                rows.add(new ReminderItemRow(null, messageId, message.recipient().id(), item.key(),
                        item.purpose().name(), item.step(), item.tertial(), item.activityRef(), item.note()));
            }
        }
        items.saveAll(rows); // one batch
        int itemCount = rows.size();
        if (!fresh.isEmpty()) {
            LOG.info("Reminders for {}: {} messages, {} items enqueued", day, fresh.size(), itemCount);
            filled.publishEvent(new OutboxFilled(fresh.size())); // delivered once this transaction commits
        }
        return new Result(day, fresh.size(), itemCount);
    }
}
