package se.ange.tertial.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disposes of kept replies after the retention period ({@code tertial.mail.inbound-retention}, default
 * two years): gallring of public records by the municipality's document management plan. The status
 * reports they produced stay.
 */
@Singleton
@Requires(property = "tertial.mail.gallring", notEquals = "false")
class Gallring {

    private static final Logger LOG = LoggerFactory.getLogger(Gallring.class);

    private final InboundMailRepository mails;
    private final Clock clock;

    Gallring(InboundMailRepository mails, Clock clock) {
        this.mails = mails;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 2 * * ?")
    @Transactional
    void dispose() {
        int disposed = mails.disposeBefore(LocalDate.now(clock));
        if (disposed > 0) {
            LOG.info("Gallring: {} received replies past their retention period disposed of", disposed);
        }
    }
}
