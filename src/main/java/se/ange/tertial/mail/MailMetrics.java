package se.ange.tertial.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import java.sql.Connection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import io.micronaut.context.BeanProvider;

/**
 * Received mail in Prometheus: {@code tertial_inbound_mails_total{outcome}}, counted when the outcome's record is
 * committed (a handling that fails and is retried counts once), and, when the reply mailbox is watched with
 * IMAP IDLE, {@code tertial_imap_connected}: 1 while a connection waits in IDLE, 0 while it is down.
 */
@Context
public class MailMetrics {

    static final String INBOUND = "tertial.inbound.mails";
    static final String IMAP_CONNECTED = "tertial.imap.connected";

    private final Map<InboundOutcome, Counter> inbound = new EnumMap<>(InboundOutcome.class);
    private final TransactionOperations<Connection> transactions;

    MailMetrics(MeterRegistry registry, TransactionOperations<Connection> transactions,
                BeanProvider<ImapIdleWatcher> watcher) {
        this.transactions = transactions;
        for (InboundOutcome outcome : InboundOutcome.values()) {
            inbound.put(outcome, Counter.builder(INBOUND).description("Received replies by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        // looked up at each scrape: the watcher's poller reaches the processor, which counts here
        if (watcher.isPresent()) {
            Gauge.builder(IMAP_CONNECTED, watcher, w -> w.get().idling() ? 1 : 0)
                    .description("1 while the reply mailbox's connection waits in IMAP IDLE, else 0").register(registry);
        }
    }

    /** A received reply was handled so; counted once its transaction commits (at once outside one). */
    public void inbound(InboundOutcome outcome) {
        Counter counter = inbound.get(outcome);
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        counter.increment();
                    }
                }), counter::increment);
    }
}
