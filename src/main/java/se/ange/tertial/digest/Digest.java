package se.ange.tertial.digest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.ange.tertial.followup.DeviationKind;

/**
 * A weekly digest as of a day: the deviations in the recipient's area grouped by goal, most urgent first,
 * what was resolved since the last digest, and counts per department (the stab summary). {@code keys}
 * ({@code REF:KIND}) are kept so the next digest can tell new from old.
 */
@Serdeable
public record Digest(LocalDate on, List<Goal> goals, List<Resolved> resolved, List<DepartmentCount> departments,
                     Set<String> keys) {

    /** One goal and its activities with deviations. */
    @Serdeable
    public record Goal(String ref, String title, List<Line> lines) {
    }

    /**
     * One activity with its deviations, dates, owners and last comment; {@code isNew} since last week;
     * {@code missingFor} the tertial whose report is missing, if one is.
     */
    @Serdeable
    public record Line(String ref, String title, String department, List<String> owners, LocalDate startDate,
                       LocalDate endDate, List<DeviationKind> kinds, LocalDate since, String lastComment,
                       boolean isNew, @Nullable String missingFor) {
    }

    /** A deviation that was in the last digest and is gone now. */
    @Serdeable
    public record Resolved(String ref, String title, DeviationKind kind) {
    }

    /** How many activities of a department have each kind of deviation. */
    @Serdeable
    public record DepartmentCount(String department, int activities, int withDeviation, Map<DeviationKind, Integer> byKind) {
    }

    public int lineCount() {
        return goals.stream().mapToInt(goal -> goal.lines().size()).sum();
    }

    public long newCount() {
        return goals.stream().flatMap(goal -> goal.lines().stream()).filter(Line::isNew).count();
    }

    public boolean isEmpty() {
        return goals.isEmpty() && resolved.isEmpty();
    }
}
