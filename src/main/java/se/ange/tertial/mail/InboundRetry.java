package se.ange.tertial.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries again what could not be done with received mail, when its back-off has passed: a reply left in the
 * mailbox because the database could not keep it ({@link ImapPoller}), and a kept reply whose handling failed
 * ({@link InboundMailProcessor}). It looks every second whether anything is due (by the injected clock); the
 * database is asked only then, and otherwise every {@code tertial.mail.inbound-retry.max}, in case another
 * instance left mail pending. Its first look is 10 s after the start, like the outbox's first poll and the
 * scheduler's start: at 1 s it built the whole inbound-mail bean graph in the middle of the start to healthy
 * (issue 17), and nothing pending is that urgent after a restart.
 */
@Singleton
class InboundRetry {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRetry.class);

    private final InboundMailProcessor processor;
    private final InboundMailStore store;
    private final ImapPoller poller;
    private final Backoff backoff;
    private final Clock clock;
    private Instant lastPass;
    private int failures;

    InboundRetry(InboundMailProcessor processor, InboundMailStore store, @Nullable ImapPoller poller,
                 InboundRetryConfig config, Clock clock) {
        this.processor = processor;
        this.store = store;
        this.poller = poller;
        this.backoff = config.backoff();
        this.clock = clock;
        this.lastPass = clock.instant();
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "10s")
    void scheduled() {
        runDue();
    }

    /** Does what is due now; answers how many kept replies were handled. */
    synchronized int runDue() {
        Instant now = clock.instant();
        if (poller != null) {
            poller.retryWaiting(now);
        }
        Instant due = store.takeDue(now);
        if (due == null && now.isBefore(lastPass.plus(backoff.max()))) {
            return 0;
        }
        lastPass = now;
        try {
            int handled = processor.retryDue(now);
            failures = 0;
            return handled;
        } catch (RuntimeException e) {
            Instant next = now.plus(backoff.after(++failures));
            store.dueAt(next);
            LOG.debug("Pending inbound mail could not be looked up ({}); next try at {}", e.toString(), next);
            return 0;
        }
    }
}
