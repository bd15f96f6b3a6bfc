package se.ange.tertial.followup;

import java.time.LocalDate;

/**
 * Which days people work. The rules only need the question; the Swedish holiday calendar that answers it
 * is an adapter ({@code system.SwedishWorkingDays}).
 */
@FunctionalInterface
public interface WorkingDays {

    boolean isWorkingDay(LocalDate date);

    default LocalDate onOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    default LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The n:th working day after {@code date} (n ≥ 1). */
    default LocalDate workingDaysAfter(LocalDate date, int n) {
        LocalDate day = date;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
