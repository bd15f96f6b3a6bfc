package se.ange.tertial.followup;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The tertial an owner is asked about on a date: the latest tertial whose first reminder has gone out.
 * From that reminder (a month before the close; for T2 the last working day of June, since July is
 * quiet) until the next tertial's first reminder, a status without an explicit tertial is for it — in
 * every channel, so an answer is always recorded for the tertial the reminder named. Reports that come in
 * after the close, when the escalation chases them, still land in that tertial.
 */
public final class AskedTertial {

    /** The last answer: the deviation rules ask once per activity for the same day (20,000 times for a page). */
    private record Answer(LocalDate date, Tertial tertial) {
    }

    private final ReminderCalendar calendar;
    private volatile Answer last;

    public AskedTertial(ReminderCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar);
    }

    public Tertial on(LocalDate date) {
        Answer known = last;
        if (known != null && known.date().equals(date)) {
            return known.tertial();
        }
        Tertial tertial = compute(date);
        last = new Answer(date, tertial);
        return tertial;
    }

    private Tertial compute(LocalDate date) {
        // A first reminder falls within its own tertial (ReminderCalendar checks it), so at most one step back.
        Tertial candidate = Tertial.containing(date);
        while (calendar.tertialReminder(candidate, ReminderCalendar.Step.FIRST).isAfter(date) && !isFirstTertial(candidate)) {
            candidate = candidate.previous();
        }
        return candidate;
    }

    private static boolean isFirstTertial(Tertial tertial) {
        return tertial.year() == 1900 && tertial.number() == 1; // there is none before it to be asked about
    }

    /**
     * The tertial a status for this activity without an explicit tertial is for: the asked one, unless the
     * activity has no part in it (it starts after that close, or was completed before it) — then the
     * tertial the date is in.
     */
    public Tertial forActivity(LocalDate date, ActivityFacts activity) {
        Tertial asked = on(date);
        return activity.isActiveIn(asked) ? asked : Tertial.containing(date);
    }
}
