package se.ange.tertial.notify;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Polls the outbox. Every instance may run one: the claim in {@link OutboxDelivery} keeps them apart. */
@Singleton
@Requires(property = "tertial.outbox.poll", notEquals = "false")
class OutboxWorker {

    private final OutboxDelivery delivery;
    private final OutboxConfig config;

    OutboxWorker(OutboxDelivery delivery, OutboxConfig config) {
        this.delivery = delivery;
        this.config = config;
    }

    @Scheduled(fixedDelay = "${tertial.outbox.poll-interval:30s}", initialDelay = "10s")
    void deliverDue() {
        for (int i = 0; i < config.batchSize() && delivery.deliverOne(); i++) {
            // one message per transaction
        }
    }
}
