package se.ange.tertial.schedule;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import se.ange.tertial.followup.ReminderCalendar;

@Factory
class ScheduleFactory {

    @Singleton
    ReminderPlanner reminderPlanner(ReminderCalendar calendar) {
        return new ReminderPlanner(calendar);
    }
}
