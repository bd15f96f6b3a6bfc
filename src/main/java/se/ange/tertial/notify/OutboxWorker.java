package se.ange.tertial.notify;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;

/** Polls the outbox. Every instance may run one: the claim in {@link OutboxDelivery} keeps them apart. */
@Singleton
@Requires(property = "tertial.outbox.poll", notEquals = "false")
public class OutboxWorker {

    private final OutboxDelivery delivery;
    private final OutboxConfig config;
    private final ExecutorService blocking;

    OutboxWorker(OutboxDelivery delivery, OutboxConfig config, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.delivery = delivery;
        this.config = config;
        this.blocking = blocking;
    }

    /** Delivers what is due now rather than at the next poll: for a message someone is waiting for (a sign-in link). */
    public void nudge() {
        blocking.execute(this::deliverDue);
    }

    @Scheduled(fixedDelay = "${tertial.outbox.poll-interval:30s}", initialDelay = "10s")
    void deliverDue() {
        for (int i = 0; i < config.batchSize() && delivery.deliverOne(); i++) {
            // one message per transaction
        }
    }
}
