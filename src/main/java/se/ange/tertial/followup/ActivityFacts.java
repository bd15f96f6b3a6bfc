package se.ange.tertial.followup;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the follow-up rules need to know of one activity: its dates and its status history, and — for an
 * unfinished activity copied into the next year's plan — {@code lastYear}, the last year it is followed up
 * in itself (after that its copy is; null: no such limit).
 */
public record ActivityFacts(String ref, LocalDate startDate, LocalDate endDate, List<ReportFact> reports,
                            Integer lastYear) {

    /** Oldest first: by tertial, then by when the report was received. */
    public static final Comparator<ReportFact> CHRONOLOGICAL =
            Comparator.comparing(ReportFact::tertial).thenComparing(ReportFact::receivedAt);

    public ActivityFacts {
        reports = List.copyOf(reports);
    }

    public ActivityFacts(String ref, LocalDate startDate, LocalDate endDate, List<ReportFact> reports) {
        this(ref, startDate, endDate, reports, null);
    }

    /** Whether, on that day, the activity is followed up as its copy in a later plan instead. */
    public boolean isHandedOnBy(LocalDate date) {
        return lastYear != null && date.getYear() > lastYear;
    }

    /** The latest report: the newest tertial, and within it the last one received. */
    public Optional<ReportFact> latestReport() {
        return reports.stream().max(CHRONOLOGICAL);
    }

    /** The current status, empty while nothing has been reported. */
    public Optional<Status> currentStatus() {
        return latestReport().map(ReportFact::status);
    }

    /** Whether a report is due for the tertial and not made: what reminders, "saknas" and deviations ask. */
    public boolean mustReportFor(Tertial tertial) {
        return isActiveIn(tertial) && !hasReportFor(tertial);
    }

    public boolean hasReportFor(Tertial tertial) {
        return reports.stream().anyMatch(report -> report.tertial().equals(tertial));
    }

    /**
     * Whether the activity belongs to the tertial's follow-up: planned to have started by its close and not
     * completed earlier, or reported for it (work can begin before the planned start; such a report puts the
     * activity in that tertial, while reminders still ask only from the planned start, see {@link #mustReportFor}).
     */
    public boolean isActiveIn(Tertial tertial) {
        return (lastYear == null || tertial.year() <= lastYear)
                && (hasReportFor(tertial) || TertialCalendar.isActiveIn(tertial, startDate, reports));
    }

    public boolean isOverdueOn(LocalDate date) {
        return !isHandedOnBy(date) && endDate != null && endDate.isBefore(date)
                && currentStatus().map(status -> !status.isCompleted()).orElse(true);
    }
}
