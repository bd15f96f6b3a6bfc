package se.ange.tertial.schedule;

import java.time.LocalDate;
import java.util.List;
import se.ange.tertial.register.org.Person;

/** Everything one person is to be reminded of on one day: a single message. */
public record PlannedMessage(Person recipient, LocalDate day, List<ReminderItem> items) {
}
