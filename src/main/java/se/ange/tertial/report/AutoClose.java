package se.ange.tertial.report;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.followup.Tertial;

/**
 * Closes a tertial by itself {@code tertial.report.auto-close-days} (14) days after its closing date, so
 * the report freezes even when nobody closes it. Looks at the last closed tertial (so a day missed while
 * the service was down is made up the next day); closing is idempotent, so running a day twice changes nothing.
 */
@Singleton
public class AutoClose {

    static final String ACTOR = "tertial-auto-close";
    private static final Logger LOG = LoggerFactory.getLogger(AutoClose.class);

    private final TertialRecords records;
    private final Clock clock;
    private final int days;

    AutoClose(TertialRecords records, Clock clock, @Value("${tertial.report.auto-close-days:14}") int days) {
        this.records = records;
        this.clock = clock;
        this.days = days;
    }

    /** Today's check. */
    public List<Tertial> runDue() {
        return runOn(LocalDate.now(clock));
    }

    /** Closes the tertials due on that day that are still open; returns those it closed. */
    public List<Tertial> runOn(LocalDate day) {
        List<Tertial> closed = new ArrayList<>();
        for (Tertial tertial : List.of(Tertial.containing(day).previous())) {
            if (!tertial.closingDate().plusDays(days).isAfter(day) && records.record(tertial).isEmpty()) {
                var result = records.close(tertial, Actor.system(ACTOR), true);
                if (result.created()) {
                    LOG.info("Tertial {} closed automatically: {} activities, {} goals", tertial,
                            result.activities(), result.goals());
                    closed.add(tertial);
                }
            }
        }
        return closed;
    }

    public int days() {
        return days;
    }
}
