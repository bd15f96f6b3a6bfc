package se.ange.tertial.system;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import se.ange.tertial.followup.AskedTertial;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.followup.GoalAssessor;
import se.ange.tertial.followup.ReminderCalendar;
import se.ange.tertial.followup.WorkingDays;
import se.ange.tertial.followup.TertialCalendar;

/** The clock and the plain-Java rules as beans; tests replace the clock to move time. */
@Factory
class DomainFactory {

    @Singleton
    Clock clock(TertialConfig config) {
        return Clock.system(config.zone());
    }

    @Singleton
    TertialCalendar tertialCalendar(Clock clock) {
        return new TertialCalendar(clock);
    }

    @Singleton
    WorkingDays workingDays() {
        return SwedishWorkingDays.sweden();
    }

    @Singleton
    ReminderCalendar reminderCalendar(WorkingDays workingDays, ReminderConfig reminders) {
        return new ReminderCalendar(workingDays, reminders.policy());
    }

    @Singleton
    AskedTertial askedTertial(ReminderCalendar calendar) {
        return new AskedTertial(calendar);
    }

    @Singleton
    DeviationRules deviationRules(TertialConfig config, AskedTertial asked) {
        return new DeviationRules(config.closingWindowDays(), config.zone(), asked);
    }

    @Singleton
    GoalAssessor goalAssessor() {
        return new GoalAssessor();
    }
}
