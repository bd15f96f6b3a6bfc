package se.ange.tertial.followup;

import java.time.LocalDate;

/**
 * One deviation of one activity as of a date. {@code tertial} is set for a missing report,
 * {@code since} for the date the deviation began where it is known (end date, start date, report).
 */
public record Deviation(DeviationKind kind, Tertial tertial, LocalDate since) {

    public static Deviation of(DeviationKind kind, LocalDate since) {
        return new Deviation(kind, null, since);
    }
}
