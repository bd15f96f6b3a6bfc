package se.ange.tertial.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Objects;

/**
 * Which tertial it is, when it closes, and which activities must report for it.
 * Dates are read in the municipality's zone (the clock's zone), so 30 April 23:59 and 1 May 00:00
 * in Stockholm fall in different tertials whatever the server's zone is.
 */
public final class TertialCalendar {

    private final Clock clock;

    public TertialCalendar(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Tertial current() {
        return Tertial.containing(today());
    }

    public Tertial tertialOf(ZonedDateTime moment) {
        return Tertial.containing(moment.withZoneSameInstant(clock.getZone()).toLocalDate());
    }

    /** The next closing date on or after today (today itself when today is a closing day). */
    public LocalDate nextClose() {
        return current().closingDate();
    }

    /** The most recent tertial whose closing date is before today. */
    public Tertial lastClosed() {
        return current().previous();
    }

    /**
     * An activity must report for a tertial when it started on or before the close and was not
     * completed in an earlier tertial.
     */
    public static boolean isActiveIn(Tertial tertial, LocalDate startDate, Collection<ReportFact> reports) {
        if (startDate != null && startDate.isAfter(tertial.closingDate())) {
            return false;
        }
        return reports.stream()
                .noneMatch(report -> report.tertial().isBefore(tertial) && report.status().isCompleted());
    }
}
