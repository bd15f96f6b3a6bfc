package se.ange.tertial.system;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import se.ange.tertial.followup.WorkingDays;

/**
 * Swedish working days: not Saturday or Sunday, not a public holiday, and not julafton, midsommarafton
 * or nyårsafton (Jollyday's Swedish calendar lists those de-facto days off too).
 */
public final class SwedishWorkingDays implements WorkingDays {

    private final HolidayManager holidays;

    private SwedishWorkingDays(HolidayManager holidays) {
        this.holidays = holidays;
    }

    public static SwedishWorkingDays sweden() {
        // Jollyday finds its calendar source through the thread's context class loader; whichever thread creates
        // the bean first (a scheduled task, a request, a launcher such as exec:java) must not decide whether it is found
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SwedishWorkingDays.class.getClassLoader());
        try {
            return new SwedishWorkingDays(HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN)));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date);
    }
}
