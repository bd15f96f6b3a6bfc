package se.ange.tertial.notify;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: on each poll, and as soon as a run has filled it ({@link OutboxFilled}) or someone is
 * waiting for a message ({@link #nudge}), {@code tertial.outbox.workers} threads deliver until nothing is
 * due, each in batches of up to {@code tertial.outbox.batch-size} messages per transaction. A slow or hanging channel holds up only the workers sending on it, until its timeout (the SMTP pool
 * opens its connections one at a time, so a hanging connect holds up the other mails too, not Slack or Teams).
 * Every instance may run one: the claim in {@link OutboxDelivery} keeps all workers apart. At shutdown no new
 * message is taken and the messages in hand get {@code shutdown-grace} to finish.
 */
@Singleton
@Requires(property = "tertial.outbox.poll", notEquals = "false")
public class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxDelivery delivery;
    private final OutboxConfig config;
    private final ThreadPoolExecutor threads;
    private final AtomicInteger running = new AtomicInteger();
    /** Counts requests to drain: a worker that found nothing looks again if one came in meanwhile. */
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean stopping;

    OutboxWorker(OutboxDelivery delivery, OutboxConfig config) {
        this.delivery = delivery;
        this.config = config;
        AtomicInteger number = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(config.workers(), config.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "outbox-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
    }

    /** Delivers what is due now rather than at the next poll. */
    public void nudge() {
        requests.incrementAndGet();
        while (startWorker()) {
            // all of them at once: one that hangs on a channel must not keep the others from starting
        }
    }

    @Scheduled(fixedDelay = "${tertial.outbox.poll-interval:30s}", initialDelay = "${tertial.outbox.poll-initial-delay:10s}")
    void poll() {
        nudge();
    }

    /** After the run's transaction has committed, so the workers see its messages. */
    @TransactionalEventListener
    void filled(OutboxFilled event) {
        nudge();
    }

    /** @return whether a worker started (false: all are running, or shutting down) */
    private boolean startWorker() {
        if (!takeSlot()) {
            return false;
        }
        try {
            threads.execute(this::drain);
            return true;
        } catch (RejectedExecutionException stopped) {
            running.decrementAndGet();
            return false;
        }
    }

    private boolean takeSlot() {
        int now;
        do {
            now = running.get();
            if (stopping || now >= config.workers()) {
                return false;
            }
        } while (!running.compareAndSet(now, now + 1));
        return true;
    }

    private void drain() {
        do {
            long seen = requests.get();
            // one message first, then twice as many per transaction while all goes well: a channel that hangs or
            // fails holds up few messages beside its own, and a long queue costs few statements per message
            int size = 1;
            while (!stopping) {
                OutboxDelivery.Batch batch = deliver(size);
                if (batch.taken() == 0) {
                    break;
                }
                if (batch.failed()) {
                    size = 1;
                } else if (batch.left() > 0) {
                    // handed back for idle workers: wake them, and take no more than a share of it ourselves
                    nudge();
                    size = nextShare(batch.left(), config.workers());
                } else {
                    size = Math.min(config.batchSize(), size * 2);
                }
            }
            running.decrementAndGet();
            // a nudge that found every slot taken relies on this look: either it sees our slot free, or we see it
            if (stopping || requests.get() == seen) {
                return;
            }
        } while (takeSlot());
    }

    /**
     * A batch is handed back when a worker is idle (one found nothing due while this one still had messages in hand,
     * claimed in a batch): otherwise a drain ends with one worker sending its last batch alone.
     */
    private OutboxDelivery.Batch deliver(int size) {
        try {
            return delivery.deliver(size, () -> stopping, () -> running.get() < config.workers());
        } catch (RuntimeException e) {
            // the database, most likely: the messages stay due and the next poll tries again
            LOG.warn("Outbox delivery stopped until the next poll: {}", e.getMessage());
            return new OutboxDelivery.Batch(0, true, 0);
        }
    }

    /** After handing back {@code left} messages: this worker's share of them, the woken ones starting from one. */
    static int nextShare(int left, int workers) {
        return Math.max(1, left / workers);
    }

    /** Micronaut closes this before the notifiers it uses, so the SMTP pool outlives the messages in hand. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        threads.shutdown();
        int inHand = running.get();
        if (inHand > 0) {
            LOG.info("Shutting down: waiting up to {} for {} outbox deliveries in progress", config.shutdownGrace(), inHand);
        }
        if (!threads.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            // not interrupted (an interrupt can close H2's file): the unfinished transactions roll back when the
            // database pool closes, so those messages are due again at the next start
            LOG.warn("Shutting down with {} outbox deliveries unfinished after {}; they will be retried", running.get(),
                    config.shutdownGrace());
        }
    }
}
