package se.ange.tertial.register.org;

/** Where a person's reminders reach them. */
public enum ReminderChannel {
    EMAIL, SLACK, TEAMS
}
