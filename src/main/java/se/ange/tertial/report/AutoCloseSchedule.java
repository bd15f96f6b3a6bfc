package se.ange.tertial.report;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** The daily check behind {@link AutoClose}: hourly (cheap, idempotent), and shortly after start. */
@Singleton
@Requires(property = "tertial.scheduler.enabled", notEquals = "false")
class AutoCloseSchedule {

    private final AutoClose autoClose;

    AutoCloseSchedule(AutoClose autoClose) {
        this.autoClose = autoClose;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "2m")
    void check() {
        autoClose.runDue();
    }
}
