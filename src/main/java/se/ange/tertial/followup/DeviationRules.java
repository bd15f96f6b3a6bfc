package se.ange.tertial.followup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds an activity's deviations as of a date.
 *
 * <p>A missing report is a deviation only for the tertial owners are asked about ({@link AskedTertial}), and
 * only from {@code closingWindowDays} before its close: the reminder may come earlier, but the deviation is
 * never about another tertial than the one the reminder named. Before any status is reported the register
 * does not know whether an activity has started, so "not started" needs an explicit <i>Ej påbörjad</i> report.
 */
public final class DeviationRules {

    /** The first reminder goes out about four weeks before a close; from then on a report is due. */
    public static final int DEFAULT_CLOSING_WINDOW_DAYS = 28;

    private final int closingWindowDays;
    private final ZoneId zone;
    private final AskedTertial asked;

    public DeviationRules(int closingWindowDays, ZoneId zone, AskedTertial asked) {
        if (closingWindowDays < 0 || closingWindowDays > 120) {
            throw new IllegalArgumentException("closingWindowDays must be 0..120, was " + closingWindowDays);
        }
        this.closingWindowDays = closingWindowDays;
        this.zone = Objects.requireNonNull(zone);
        this.asked = Objects.requireNonNull(asked);
    }

    /** Whether a missing report for the asked tertial counts as a deviation yet on {@code date}. */
    boolean isMissingReportDue(Tertial tertial, LocalDate date) {
        return !date.plusDays(closingWindowDays).isBefore(tertial.closingDate());
    }

    public List<Deviation> deviationsOn(ActivityFacts activity, LocalDate date) {
        Objects.requireNonNull(date, "date");
        List<Deviation> found = new ArrayList<>();
        if (activity.isHandedOnBy(date)) {
            return found; // its copy in the later plan carries the follow-up now
        }
        if (activity.isOverdueOn(date)) {
            found.add(Deviation.of(DeviationKind.OVERDUE, activity.endDate()));
        }
        Tertial due = asked.on(date);
        boolean started = activity.startDate() == null || !activity.startDate().isAfter(date);
        if (started && isMissingReportDue(due, date) && activity.mustReportFor(due)) {
            found.add(new Deviation(DeviationKind.MISSING_REPORT, due, due.closingDate()));
        }
        activity.latestReport().ifPresent(latest -> {
            LocalDate reportedOn = latest.receivedAt().atZone(zone).toLocalDate();
            Status status = latest.status();
            if (status.isWithDeviation()) {
                found.add(Deviation.of(DeviationKind.WITH_DEVIATION, reportedOn));
                if (!latest.hasComment()) {
                    found.add(Deviation.of(DeviationKind.DEVIATION_WITHOUT_COMMENT, reportedOn));
                }
            }
            if (status == Status.EJ_PABORJAD && activity.startDate() != null
                    && activity.startDate().isBefore(date)) {
                found.add(Deviation.of(DeviationKind.NOT_STARTED, activity.startDate()));
            }
            if (status == Status.VANTELAGE) {
                found.add(Deviation.of(DeviationKind.ON_HOLD, onHoldSince(activity, latest)));
            }
        });
        return found;
    }

    /** The day the unbroken run of on-hold reports that ends with the latest one began. */
    private LocalDate onHoldSince(ActivityFacts activity, ReportFact latest) {
        ReportFact first = latest;
        List<ReportFact> newestFirst = activity.reports().stream()
                .sorted(ActivityFacts.CHRONOLOGICAL.reversed())
                .toList();
        for (ReportFact report : newestFirst) {
            if (report.status() != Status.VANTELAGE) {
                break;
            }
            first = report;
        }
        return first.receivedAt().atZone(zone).toLocalDate();
    }
}
