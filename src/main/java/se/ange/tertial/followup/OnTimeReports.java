package se.ange.tertial.followup;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Whether an activity reported for a tertial on time: a report for that tertial received on or before the
 * tertial's closing date, read in the municipality's zone (00:30 on 1 May in Sweden is late, though UTC still
 * says 30 April). A later report still counts as reported, only not as on time. Plain Java.
 */
public final class OnTimeReports {

    private final ZoneId zone;

    public OnTimeReports(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone);
    }

    public boolean reportedOnTime(ActivityFacts activity, Tertial tertial) {
        return activity.reports().stream().anyMatch(report -> report.tertial().equals(tertial)
                && !report.receivedAt().atZone(zone).toLocalDate().isAfter(tertial.closingDate()));
    }
}
