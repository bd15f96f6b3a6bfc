package se.ange.tertial.notify;

import se.ange.tertial.register.org.ReminderChannel;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.followup.ActivityFacts;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;

/**
 * Delivers a batch of due outbox messages per call, inside a transaction that holds the messages' row locks
 * while the channels are called: several workers (threads or instances) never take the same message
 * ({@link OutboxClaims}). Should the process die mid-send, the locks go with its connection and the messages
 * are due again; nothing is left half-claimed. Items whose activity has been reported since are
 * dropped first; a message left with nothing to say is cancelled.
 */
@Singleton
public class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    private final TransactionOperations<Connection> transactions;
    private final OutboxClaims claims;
    private final OutboxOutcomes outcomes;
    private final BatchReads reads;
    private final ActivityCatalog catalog;
    private final Map<ReminderChannel, Notifier> notifiers = new EnumMap<>(ReminderChannel.class);
    private final OutboxConfig config;
    private final Optional<ChannelPosts> channelPosts;
    private final Clock clock;
    private final FailureSummary failures;
    private final OutboxMetrics metrics;
    /** Longer digests than this go by e-mail even to people who chose a chat: chat messages have limits. */
    static final int CHAT_TEXT_LIMIT = 12_000;

    OutboxDelivery(TransactionOperations<Connection> transactions, OutboxClaims claims, OutboxOutcomes outcomes,
                   BatchReads reads, ActivityCatalog catalog, List<Notifier> notifiers, OutboxConfig config, Clock clock,
                   Optional<ChannelPosts> channelPosts, OutboxMetrics metrics) {
        this.transactions = transactions;
        this.claims = claims;
        this.outcomes = outcomes;
        this.reads = reads;
        this.catalog = catalog;
        notifiers.forEach(n -> this.notifiers.put(n.channel(), n));
        this.config = config;
        this.clock = clock;
        this.failures = new FailureSummary(clock);
        this.channelPosts = channelPosts;
        this.metrics = metrics;
    }

    /** @return whether a message was taken (delivered, failed or cancelled); false when none is due */
    public boolean deliverOne() {
        return deliver(1, () -> false).taken() > 0;
    }

    /**
     * What one call of {@link #deliver(int, BooleanSupplier, BooleanSupplier)} did: {@code left} messages were
     * claimed but not taken (the batch ended early), untouched and due again.
     */
    public record Batch(int taken, boolean failed, int left) {
    }

    /** A batch that is never handed back to share with idle workers. */
    public Batch deliver(int limit, BooleanSupplier stopping) {
        return deliver(limit, stopping, () -> false);
    }

    /**
     * Takes up to {@code limit} due messages in one transaction, reads what they need in a few queries, delivers
     * them one after the other and records every outcome in one batch update before the commit. The batch ends
     * early, leaving the rest of it untouched and due, at the first failure (a failing channel is not tried again
     * at once for the next message in hand, and no other message waits behind it longer than today), when
     * {@code stopping} says so (shutdown), and when {@code share} says so after a message with two or more still
     * in hand (idle workers could send the rest: the end of a drain is not left to one worker's batch).
     * A crash mid-batch rolls it all back: only the messages of that batch can go twice, each with its fixed
     * Message-ID.
     *
     * @return how many messages were taken (delivered, failed or cancelled), 0 when none is due, and how many were
     *     left
     */
    public Batch deliver(int limit, BooleanSupplier stopping, BooleanSupplier share) {
        Instant now = clock.instant();
        Set<Long> held = new HashSet<>();
        try {
            return transactions.executeWrite(status -> deliver(claims.claim(now, limit, held), now, stopping, share));
        } finally {
            claims.release(held); // only now, committed or rolled back, may another worker look at them
        }
    }

    private Batch deliver(List<OutboxMessage> claimed, Instant now, BooleanSupplier stopping, BooleanSupplier share) {
        if (claimed.isEmpty()) {
            return new Batch(0, false, 0);
        }
        BatchReads.Batch batch = reads.read(claimed);
        Map<Long, List<ReminderItemRow>> itemsByMessage = batch.items();
        Map<Long, Person> recipients = batch.recipients();
        // the batch's activities, read once for the check below and for rendering
        Map<String, ActivityView> activities = catalog.byRefs(itemsByMessage.values().stream().flatMap(List::stream)
                .map(ReminderItemRow::activityRef).collect(Collectors.toSet()));
        List<OutboxMessage> settled = new ArrayList<>();
        boolean failed = false;
        for (OutboxMessage message : claimed) {
            if (stopping.getAsBoolean()
                    || !settled.isEmpty() && claimed.size() - settled.size() >= 2 && share.getAsBoolean()) {
                break;
            }
            Person recipient = Optional.ofNullable(recipients.get(message.recipientId())).orElseThrow();
            OutboxMessage outcome = deliver(message, recipient, itemsByMessage.getOrDefault(message.id(), List.of()),
                    activities, now);
            settled.add(outcome);
            if (outcome.state() != OutboxState.SENT && outcome.state() != OutboxState.CANCELLED) {
                failed = true;
                break;
            }
        }
        if (!settled.isEmpty()) {
            outcomes.record(settled);
        }
        return new Batch(settled.size(), failed, claimed.size() - settled.size());
    }

    /** @return the message as it is to be recorded: sent, cancelled, or failed (to be retried, or DEAD) */
    private OutboxMessage deliver(OutboxMessage message, Person recipient, List<ReminderItemRow> planned,
                                  Map<String, ActivityView> activities, Instant now) {
        List<ReminderItemRow> due = planned.stream().filter(item -> stillDue(item, activities)).toList();
        if (message.kind() == MessageKind.REMINDER && due.isEmpty() || !recipient.active()
                || message.kind() == MessageKind.CHANNEL_POST && channelPosts.isEmpty()) {
            return message.cancelled();
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
                deliver(notifier, email, message, recipient, due, activities);
            }
            metrics.delivery(message.channel(), OutboxMetrics.Result.SENT);
            if (failures.delivered(message.channel())) {
                LOG.info("Delivery via {} works again", message.channel());
            }
            return message.sent(now);
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
            LOG.debug("Outbox message {} to person {} via {} failed (attempt {}{}): {}", message.id(),
                    recipient.id(), message.channel(), attempts, dead ? ", giving up" : "", error);
            failures.failed(message.channel(), error, dead).ifPresent(LOG::warn);
            metrics.delivery(message.channel(), dead ? OutboxMetrics.Result.DEAD : OutboxMetrics.Result.FAILED);
            return message.failed(error.length() > 2000 ? error.substring(0, 2000) : error, now.plus(delay), dead);
        }
    }

    /** A chat refusal that trying again cannot mend goes by e-mail at once instead. */
    private static void deliver(Notifier notifier, Notifier email, OutboxMessage message, Person recipient,
                                List<ReminderItemRow> due, Map<String, ActivityView> activities)
            throws Notifier.DeliveryFailure {
        try {
            notifier.deliver(message, recipient, due, activities);
        } catch (Notifier.DeliveryFailure failure) {
            if (!failure.permanent() || notifier == email) {
                throw failure;
            }
            LOG.warn("Outbox message {} refused by {} for good ({}); sent by e-mail instead", message.id(),
                    notifier.channel(), failure.getMessage());
            email.deliver(message, recipient, due, activities);
        }
    }

    private static boolean stillDue(ReminderItemRow item, Map<String, ActivityView> activities) {
        ActivityView activity = activities.get(item.activityRef());
        if (activity == null) {
            return false;
        }
        ActivityFacts facts = activity.facts();
        if (item.tertial() != null) {
            Tertial tertial = Tertial.parse(item.tertial());
            return facts.mustReportFor(tertial);
        }
        return facts.currentStatus().map(status -> !status.isCompleted()).orElse(true);
    }
}
