package se.ange.tertial.schedule;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Swedish working days: not Saturday or Sunday, not a public holiday, and not julafton, midsommarafton
 * or nyårsafton (Jollyday's Swedish calendar lists those de-facto days off too).
 */
public final class WorkingDays {

    private final HolidayManager holidays;

    private WorkingDays(HolidayManager holidays) {
        this.holidays = holidays;
    }

    public static WorkingDays sweden() {
        return new WorkingDays(HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN)));
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date);
    }

    public LocalDate onOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The n:th working day after {@code date} (n ≥ 1). */
    public LocalDate workingDaysAfter(LocalDate date, int n) {
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
