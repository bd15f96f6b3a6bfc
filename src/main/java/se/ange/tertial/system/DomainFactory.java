package se.ange.tertial.system;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.followup.GoalAssessor;
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
    DeviationRules deviationRules(TertialConfig config) {
        return new DeviationRules(config.closingWindowDays(), config.zone());
    }

    @Singleton
    GoalAssessor goalAssessor() {
        return new GoalAssessor();
    }
}
