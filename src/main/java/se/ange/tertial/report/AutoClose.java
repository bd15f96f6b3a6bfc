package se.ange.tertial.report;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.followup.Tertial;

/**
 * Closes a tertial by itself {@code tertial.report.auto-close-days} (14, at most 120) days after its closing
 * date, so the report freezes even when nobody closes it. Looks at the last {@value #LOOK_BACK} tertials that
 * have ended, oldest first, and closes each one that is due and still open: a day missed while the service was
 * down is made up the next day, and so is a whole tertial missed while the check was off. Tertials before the
 * register's first plan year are left alone (nothing to freeze). Closing is idempotent, so running a day
 * twice changes nothing.
 */
@Singleton
public class AutoClose {

    static final String ACTOR = "tertial-auto-close";
    /** How many ended tertials each check looks at: a year's worth. */
    static final int LOOK_BACK = 3;
    static final int MAX_DAYS = 120;
    private static final Logger LOG = LoggerFactory.getLogger(AutoClose.class);

    private final TertialRecords records;
    private final Clock clock;
    private final int days;

    AutoClose(TertialRecords records, Clock clock, @Value("${tertial.report.auto-close-days:14}") int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("tertial.report.auto-close-days must be between 0 and %d, not %d"
                    .formatted(MAX_DAYS, days));
        }
        this.records = records;
        this.clock = clock;
        this.days = days;
    }

    /** Today's check. */
    public List<Tertial> runDue() {
        return runOn(LocalDate.now(clock));
    }

    /** Closes the tertials due on that day (or earlier) that are still open, oldest first; returns those it closed. */
    public List<Tertial> runOn(LocalDate day) {
        List<Tertial> closed = new ArrayList<>();
        Optional<Integer> firstPlanYear = records.firstPlanYear();
        if (firstPlanYear.isEmpty()) {
            return closed;
        }
        for (Tertial tertial : endedBefore(day)) {
            if (tertial.year() >= firstPlanYear.get() && !tertial.closingDate().plusDays(days).isAfter(day)
                    && records.record(tertial).isEmpty()) {
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

    /** The last {@link #LOOK_BACK} tertials that ended before the day's tertial, oldest first. */
    static List<Tertial> endedBefore(LocalDate day) {
        List<Tertial> tertials = new ArrayList<>();
        Tertial tertial = Tertial.containing(day);
        for (int i = 0; i < LOOK_BACK; i++) {
            tertial = tertial.previous();
            tertials.add(0, tertial);
        }
        return tertials;
    }

    public int days() {
        return days;
    }
}
