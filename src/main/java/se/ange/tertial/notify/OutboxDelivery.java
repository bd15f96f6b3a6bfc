package se.ange.tertial.notify;

import se.ange.tertial.register.org.ReminderChannel;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.followup.ActivityFacts;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;

/**
 * Delivers one due outbox message per call, inside a transaction that holds the message's row lock
 * while the channel is called: several workers (threads or instances) never take the same message
 * ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL). Items whose activity has been reported since are
 * dropped first; a message left with nothing to say is cancelled.
 */
@Singleton
public class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    private final JdbcOperations jdbc;
    private final OutboxRepository outbox;
    private final ReminderItemRepository items;
    private final PersonRepository people;
    private final ActivityCatalog catalog;
    private final Map<ReminderChannel, Notifier> notifiers = new EnumMap<>(ReminderChannel.class);
    private final OutboxConfig config;
    private final Optional<ChannelPosts> channelPosts;
    private final Clock clock;
    private final FailureSummary failures;
    /** Longer digests than this go by e-mail even to people who chose a chat: chat messages have limits. */
    static final int CHAT_TEXT_LIMIT = 12_000;

    private volatile Boolean postgres;
    @jakarta.inject.Inject OutboxMetrics metrics;

    OutboxDelivery(JdbcOperations jdbc, OutboxRepository outbox, ReminderItemRepository items, PersonRepository people,
                   ActivityCatalog catalog, List<Notifier> notifiers, OutboxConfig config, Clock clock,
                   Optional<ChannelPosts> channelPosts) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.items = items;
        this.people = people;
        this.catalog = catalog;
        notifiers.forEach(n -> this.notifiers.put(n.channel(), n));
        this.config = config;
        this.clock = clock;
        this.failures = new FailureSummary(clock);
        this.channelPosts = channelPosts;
    }

    /** @return whether a message was taken (delivered, failed or cancelled); false when none is due */
    @Transactional
    public boolean deliverOne() {
        Instant now = clock.instant();
        Optional<Long> claimed = claim(now);
        if (claimed.isEmpty()) {
            return false;
        }
        OutboxMessage message = outbox.findById(claimed.get()).orElseThrow();
        Person recipient = people.findById(message.recipientId()).orElseThrow();
        List<ReminderItemRow> due = message.kind() != MessageKind.REMINDER ? List.of()
                : items.findByMessageIdOrderById(message.id()).stream().filter(this::stillDue).toList();
        if (message.kind() == MessageKind.REMINDER && due.isEmpty() || !recipient.active()
                || message.kind() == MessageKind.CHANNEL_POST && channelPosts.isEmpty()) {
            outbox.update(message.cancelled());
            return true;
        }
        // a chat channel that is not set up, or cannot reach this person yet, falls back to e-mail: nothing is
        // lost; so does a digest too long for a chat message (e-mail carries all of it)
        Notifier email = notifiers.get(ReminderChannel.EMAIL);
        Notifier notifier = Optional.ofNullable(notifiers.get(message.channel())).filter(n -> n.canReach(recipient))
                .filter(n -> message.kind() != MessageKind.DIGEST || message.bodyText() == null
                        || message.bodyText().length() <= CHAT_TEXT_LIMIT)
                .orElse(email);
        try {
            if (message.kind() == MessageKind.CHANNEL_POST) {
                channelPosts.orElseThrow().post(message.subject(), message.bodyText());
            } else {
                deliver(notifier, email, message, recipient, due);
            }
            outbox.update(message.sent(now));
            metrics.delivery(message.channel(), OutboxMetrics.Result.SENT);
            if (failures.delivered(message.channel())) {
                LOG.info("Delivery via {} works again", message.channel());
            }
        } catch (Notifier.DeliveryFailure | RuntimeException e) {
            int attempts = message.attempts() + 1;
            boolean dead = attempts >= config.maxAttempts();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // a channel that said when to come back (429 Retry-After) is not asked again sooner, nor sooner
            // than the back-off: a burst of short Retry-Afters must not use up every attempt in a minute
            Duration delay = config.delayAfter(attempts);
            if (e instanceof Notifier.DeliveryFailure failure && failure.retryAfter().isPresent()
                    && failure.retryAfter().get().compareTo(delay) > 0) {
                delay = failure.retryAfter().get();
            }
            outbox.update(message.failed(error.length() > 2000 ? error.substring(0, 2000) : error,
                    now.plus(delay), dead));
            LOG.debug("Outbox message {} to person {} via {} failed (attempt {}{}): {}", message.id(),
                    recipient.id(), message.channel(), attempts, dead ? ", giving up" : "", error);
            failures.failed(message.channel(), error, dead).ifPresent(LOG::warn);
            metrics.delivery(message.channel(), dead ? OutboxMetrics.Result.DEAD : OutboxMetrics.Result.FAILED);
        }
        return true;
    }

    /** A chat refusal that trying again cannot mend goes by e-mail at once instead. */
    private static void deliver(Notifier notifier, Notifier email, OutboxMessage message, Person recipient,
                                List<ReminderItemRow> due) throws Notifier.DeliveryFailure {
        try {
            notifier.deliver(message, recipient, due);
        } catch (Notifier.DeliveryFailure failure) {
            if (!failure.permanent() || notifier == email) {
                throw failure;
            }
            LOG.warn("Outbox message {} refused by {} for good ({}); sent by e-mail instead", message.id(),
                    notifier.channel(), failure.getMessage());
            email.deliver(message, recipient, due);
        }
    }

    private boolean stillDue(ReminderItemRow item) {
        Optional<ActivityView> activity = catalog.byRef(item.activityRef());
        if (activity.isEmpty()) {
            return false;
        }
        ActivityFacts facts = activity.get().facts();
        if (item.tertial() != null) {
            Tertial tertial = Tertial.parse(item.tertial());
            return facts.mustReportFor(tertial);
        }
        return facts.currentStatus().map(status -> !status.isCompleted()).orElse(true);
    }

    private Optional<Long> claim(Instant now) {
        if (postgres()) {
            return firstId("SELECT id FROM outbox_message WHERE state = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id "
                    + "LIMIT 1 FOR UPDATE SKIP LOCKED", now);
        }
        // H2 (one embedded instance) has no SKIP LOCKED, and its FOR UPDATE with LIMIT locks every matching
        // row: pick the first due row, then lock just that one and check it is still due.
        return firstId("SELECT id FROM outbox_message WHERE state = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1", now)
                .flatMap(id -> jdbc.prepareStatement("SELECT id FROM outbox_message WHERE id = ? AND state = ? FOR UPDATE",
                        statement -> {
                            statement.setLong(1, id);
                            statement.setString(2, OutboxState.PENDING.name());
                            try (ResultSet rows = statement.executeQuery()) {
                                return rows.next() ? Optional.of(id) : Optional.<Long>empty();
                            }
                        }));
    }

    private Optional<Long> firstId(String sql, Instant now) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, OutboxState.PENDING.name());
            statement.setObject(2, java.sql.Timestamp.from(now));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute(connection -> connection.getMetaData().getDatabaseProductName())
                    .toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
        return postgres;
    }
}
