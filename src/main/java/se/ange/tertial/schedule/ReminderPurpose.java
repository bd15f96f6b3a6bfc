package se.ange.tertial.schedule;

/** Why someone is reminded. */
public enum ReminderPurpose {
    /** An owner's status report for a closing tertial is missing. */
    TERTIAL_REPORT,
    /** A manager: reports still missing in their department after the close. */
    ESCALATION,
    /** An owner: the activity ends within a week and is not completed. */
    ENDING_SOON,
    /** An owner: the end date has passed and the activity is not completed. */
    OVERDUE
}
