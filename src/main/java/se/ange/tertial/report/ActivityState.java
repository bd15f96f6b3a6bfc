package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.ange.tertial.followup.ActivityFacts;
import se.ange.tertial.followup.ReportFact;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;

/**
 * One activity as it stood in a tertial: from the frozen record of a closed tertial, else read live from
 * the register (the latest report for that tertial or an earlier one). {@code status} is null while
 * nothing was reported; {@code reportedFor} is the tertial of the report it comes from. {@code own}: the
 * department's or unit's own activity (not one of the board's plan).
 */
public record ActivityState(long activityId, String ref, String title, long goalId, String department,
                            @Nullable String unit, long departmentId, @Nullable Long unitId,
                            LocalDate startDate, LocalDate endDate, @Nullable Status status,
                            @Nullable String comment, @Nullable Tertial reportedFor,
                            @Nullable String description, boolean own) {

    /** Without description, a plan activity (records closed before descriptions were kept, tests). */
    public ActivityState(long activityId, String ref, String title, long goalId, String department,
                         @Nullable String unit, long departmentId, @Nullable Long unitId,
                         LocalDate startDate, LocalDate endDate, @Nullable Status status,
                         @Nullable String comment, @Nullable Tertial reportedFor) {
        this(activityId, ref, title, goalId, department, unit, departmentId, unitId, startDate, endDate, status,
                comment, reportedFor, null, false);
    }

    /** What the follow-up rules need: the dates and the one report the state rests on. */
    public ActivityFacts facts() {
        List<ReportFact> reports = status == null || reportedFor == null ? List.of()
                : List.of(new ReportFact(reportedFor, status, comment, Instant.EPOCH));
        return new ActivityFacts(ref, startDate, endDate, reports);
    }
}
