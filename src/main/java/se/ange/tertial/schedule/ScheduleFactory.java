package se.ange.tertial.schedule;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class ScheduleFactory {

    @Singleton
    ReminderPlanner reminderPlanner(ReminderConfig config) {
        return new ReminderPlanner(new ReminderCalendar(WorkingDays.sweden(), config.policy()));
    }
}
