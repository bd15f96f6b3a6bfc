package se.ange.tertial.followup;

import java.time.ZoneId;
import se.ange.tertial.system.SwedishWorkingDays;

/** The domain rules as the service builds them by default: Swedish working days, July quiet, window 28 days. */
public final class Rules {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    public static final ReminderCalendar CALENDAR = new ReminderCalendar(SwedishWorkingDays.sweden(), ReminderPolicy.DEFAULT);
    public static final AskedTertial ASKED = new AskedTertial(CALENDAR);

    private Rules() {
    }

    public static DeviationRules deviations() {
        return new DeviationRules(28, STOCKHOLM, ASKED);
    }
}
