package se.ange.tertial.followup;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.Objects;

/**
 * When reminders go out. Defaults: a month before a tertial closes (about four weeks), a week before, and
 * on the last working day up to the close; managers 3 working days after it; owners a week before an
 * activity's end date and on the first working day after it passes. Nothing in the quiet period
 * (July): a reminder due then goes out on the last working day before it, an overdue note on the first
 * working day after it (a note about lateness must not arrive early).
 */
public record ReminderPolicy(Period firstBefore, Period secondBefore, int escalationWorkingDaysAfter,
                             Period endingSoonBefore, MonthDay quietFrom, MonthDay quietTo) {

    public static final ReminderPolicy DEFAULT = new ReminderPolicy(Period.ofMonths(1), Period.ofDays(7), 3,
            Period.ofDays(7), MonthDay.of(7, 1), MonthDay.of(7, 31));

    public ReminderPolicy {
        Objects.requireNonNull(firstBefore);
        Objects.requireNonNull(secondBefore);
        Objects.requireNonNull(endingSoonBefore);
        if (firstBefore.isNegative() || secondBefore.isNegative() || endingSoonBefore.isNegative()) {
            throw new IllegalArgumentException("Reminders come before their date: periods must not be negative");
        }
        if (quietFrom != null && quietTo != null && quietDays(quietFrom, quietTo) > 92) {
            throw new IllegalArgumentException("The quiet period may be at most three months, not " + quietFrom + "–" + quietTo);
        }
        if (escalationWorkingDaysAfter < 1) {
            throw new IllegalArgumentException("escalationWorkingDaysAfter must be at least 1");
        }
    }

    private static int quietDays(MonthDay from, MonthDay to) {
        LocalDate start = from.atYear(2023);
        LocalDate end = to.atYear(2023);
        return (int) java.time.temporal.ChronoUnit.DAYS.between(start, end.isBefore(start) ? end.plusYears(1) : end) + 1;
    }

    public boolean isQuiet(LocalDate date) {
        if (quietFrom == null || quietTo == null) {
            return false;
        }
        MonthDay day = MonthDay.from(date);
        return quietFrom.isAfter(quietTo)
                ? !day.isBefore(quietFrom) || !day.isAfter(quietTo) // spans the new year
                : !day.isBefore(quietFrom) && !day.isAfter(quietTo);
    }
}
