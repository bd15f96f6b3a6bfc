package se.ange.tertial.followup;

import java.time.LocalDate;

/** The dates reminders fall on, moved to Swedish working days and out of the quiet period. */
public final class ReminderCalendar {

    /** The three reminders before a tertial closes. */
    public enum Step { FIRST, SECOND, LAST }

    private final WorkingDays days;
    private final ReminderPolicy policy;

    public ReminderCalendar(WorkingDays days, ReminderPolicy policy) {
        this.days = days;
        this.policy = policy;
        // The first reminder must come within its tertial: the tertial owners are asked about changes with it.
        for (int number = 1; number <= 3; number++) {
            Tertial tertial = new Tertial(2024, number);
            if (!tertial.contains(tertialReminder(tertial, Step.FIRST))) {
                throw new IllegalArgumentException("The first reminder for " + tertial + " would come on "
                        + tertialReminder(tertial, Step.FIRST) + ", before the tertial begins; set it closer to the close");
            }
        }
    }

    public LocalDate tertialReminder(Tertial tertial, Step step) {
        LocalDate close = tertial.closingDate();
        return switch (step) {
            case FIRST -> early(close.minus(policy.firstBefore()));
            case SECOND -> early(close.minus(policy.secondBefore()));
            case LAST -> early(close);
        };
    }

    public LocalDate escalation(Tertial tertial) {
        return late(days.workingDaysAfter(tertial.closingDate(), policy.escalationWorkingDaysAfter()));
    }

    public LocalDate endingSoon(LocalDate endDate) {
        return early(endDate.minus(policy.endingSoonBefore()));
    }

    public LocalDate overdueNote(LocalDate endDate) {
        return late(endDate.plusDays(1));
    }

    public boolean isWorkingDay(LocalDate date) {
        return days.isWorkingDay(date) && !policy.isQuiet(date);
    }

    /** On or before the date: a reminder may come early, never late. */
    private LocalDate early(LocalDate nominal) {
        LocalDate day = days.onOrBefore(nominal);
        while (policy.isQuiet(day)) {
            day = days.onOrBefore(day.minusDays(1));
        }
        return day;
    }

    /** On or after the date: an escalation or overdue note must not come before its time. */
    private LocalDate late(LocalDate nominal) {
        LocalDate day = days.onOrAfter(nominal);
        while (policy.isQuiet(day)) {
            day = days.onOrAfter(day.plusDays(1));
        }
        return day;
    }
}
