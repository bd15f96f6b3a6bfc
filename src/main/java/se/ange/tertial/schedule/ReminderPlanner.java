package se.ange.tertial.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.ange.tertial.followup.ActivityFacts;
import se.ange.tertial.followup.ReminderCalendar;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.OpenActivities;
import se.ange.tertial.register.org.Person;

/**
 * Decides who is reminded of what on a day, from the register as it stands: an activity reported for
 * the tertial drops out of every later reminder. Everything one person is due on a day becomes one
 * message. Plain Java: the clock is the day passed in.
 */
public final class ReminderPlanner {

    /** How far from a day the end dates its notes are about are looked for: past any quiet period. */
    private static final int SCAN_DAYS = 400;

    private final ReminderCalendar calendar;

    public ReminderPlanner(ReminderCalendar calendar) {
        this.calendar = calendar;
    }

    public ReminderCalendar calendar() {
        return calendar;
    }

    public List<PlannedMessage> plan(LocalDate day, List<ActivityView> activities, Directory directory) {
        if (!calendar.isWorkingDay(day)) {
            return List.of();
        }
        Map<Person, Map<String, ReminderItem>> byRecipient = new LinkedHashMap<>();
        for (Tertial tertial : around(day)) {
            for (ReminderCalendar.Step step : stepsOn(tertial, day)) {
                remindOwners(day, tertial, step, activities, directory, byRecipient);
            }
            if (escalatesOn(tertial, day)) {
                escalate(day, tertial, activities, directory, byRecipient);
            }
        }
        for (ActivityView activity : activities) {
            ActivityFacts facts = activity.facts();
            boolean completed = facts.currentStatus().map(s -> s.isCompleted()).orElse(false);
            if (completed) {
                continue;
            }
            LocalDate end = activity.activity().endDate();
            if (endingSoonOn(end, day)) {
                toOwners(day, activity, ReminderPurpose.ENDING_SOON, "END", null, directory, byRecipient);
            }
            if (overdueOn(end, day)) {
                toOwners(day, activity, ReminderPurpose.OVERDUE, "OVERDUE", null, directory, byRecipient);
            }
        }
        return byRecipient.entrySet().stream()
                .map(e -> new PlannedMessage(e.getKey(), day, List.copyOf(e.getValue().values())))
                .sorted(Comparator.comparing(m -> m.recipient().email()))
                .toList();
    }

    /**
     * What {@link #plan} can concern on a day, so that a run reads only that: the tertials it reminds owners of or
     * escalates, and the end dates whose ending-soon or overdue note falls on the day. Nothing on a day off.
     */
    public Scope scope(LocalDate day) {
        if (!calendar.isWorkingDay(day)) {
            return new Scope(List.of(), List.of());
        }
        List<Tertial> tertials = around(day).stream()
                .filter(tertial -> !stepsOn(tertial, day).isEmpty() || escalatesOn(tertial, day)).toList();
        List<OpenActivities.EndDates> ends = new ArrayList<>();
        span(day, 1, end -> endingSoonOn(end, day), end -> calendar.endingSoon(end).isAfter(day)).ifPresent(ends::add);
        span(day.minusDays(1), -1, end -> overdueOn(end, day), end -> calendar.overdueNote(end).isBefore(day))
                .ifPresent(ends::add);
        return new Scope(tertials, List.copyOf(ends));
    }

    /**
     * What {@link #plan} can concern on any day from {@code first} to {@code last}: the days' scopes together, with
     * overlapping or adjacent end-date spans joined (the reminder calendar reads a month at once).
     */
    public Scope scope(LocalDate first, LocalDate last) {
        java.util.Set<Tertial> tertials = new java.util.LinkedHashSet<>();
        List<OpenActivities.EndDates> spans = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Scope scope = scope(day);
            tertials.addAll(scope.tertials());
            spans.addAll(scope.endDates());
        }
        spans.sort(Comparator.comparing(OpenActivities.EndDates::from));
        List<OpenActivities.EndDates> joined = new ArrayList<>();
        for (OpenActivities.EndDates span : spans) {
            OpenActivities.EndDates previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (previous != null && !span.from().isAfter(previous.to().plusDays(1))) {
                joined.set(joined.size() - 1, new OpenActivities.EndDates(previous.from(),
                        span.to().isAfter(previous.to()) ? span.to() : previous.to()));
            } else {
                joined.add(span);
            }
        }
        return new Scope(List.copyOf(tertials), List.copyOf(joined));
    }

    /** The tertials a day's reminders and escalation can be about, and the end dates its notes are about. */
    public record Scope(List<Tertial> tertials, List<OpenActivities.EndDates> endDates) {

        public boolean isEmpty() {
            return tertials.isEmpty() && endDates.isEmpty();
        }
    }

    /**
     * The end dates {@code noted} on a day, walking from {@code start} a day at a time in {@code direction} until the
     * note is {@code past} it. A note's day moves monotonically with the end date, so they are one span; the quiet
     * period (at most three months) bounds the walk.
     */
    private static java.util.Optional<OpenActivities.EndDates> span(LocalDate start, int direction,
            java.util.function.Predicate<LocalDate> noted, java.util.function.Predicate<LocalDate> past) {
        LocalDate first = null;
        LocalDate last = null;
        for (int days = 0; days < SCAN_DAYS; days++) {
            LocalDate end = start.plusDays((long) days * direction);
            if (past.test(end)) {
                break;
            }
            if (noted.test(end)) {
                first = first == null || end.isBefore(first) ? end : first;
                last = last == null || end.isAfter(last) ? end : last;
            }
        }
        return first == null ? java.util.Optional.empty() : java.util.Optional.of(new OpenActivities.EndDates(first, last));
    }

    private static List<Tertial> around(LocalDate day) {
        Tertial current = Tertial.containing(day);
        return List.of(current.previous(), current, current.next());
    }

    private List<ReminderCalendar.Step> stepsOn(Tertial tertial, LocalDate day) {
        return java.util.Arrays.stream(ReminderCalendar.Step.values())
                .filter(step -> calendar.tertialReminder(tertial, step).equals(day)).toList();
    }

    private boolean escalatesOn(Tertial tertial, LocalDate day) {
        return calendar.escalation(tertial).equals(day);
    }

    private boolean endingSoonOn(LocalDate end, LocalDate day) {
        return calendar.endingSoon(end).equals(day) && !end.isBefore(day);
    }

    private boolean overdueOn(LocalDate end, LocalDate day) {
        return calendar.overdueNote(end).equals(day);
    }

    private void remindOwners(LocalDate day, Tertial tertial, ReminderCalendar.Step step, List<ActivityView> activities,
                              Directory directory, Map<Person, Map<String, ReminderItem>> byRecipient) {
        for (ActivityView activity : activities) {
            ActivityFacts facts = activity.facts();
            if (facts.mustReportFor(tertial)) {
                toOwners(day, activity, ReminderPurpose.TERTIAL_REPORT, step.name(), tertial, directory, byRecipient);
            }
        }
    }

    private void toOwners(LocalDate day, ActivityView activity, ReminderPurpose purpose, String step, Tertial tertial,
                          Directory directory, Map<Person, Map<String, ReminderItem>> byRecipient) {
        for (Person owner : activity.owners()) {
            directory.deliveryFor(owner, day)
                    .filter(delivery -> !directory.isSnoozed(delivery.recipient(), activity.ref(), day))
                    .ifPresent(delivery -> add(byRecipient, delivery.recipient(),
                    item(activity, purpose, step, tertial, delivery.onBehalfOf()
                            .map(absent -> "för " + absent.name() + " (frånvarande)").orElse(null))));
        }
    }

    private void escalate(LocalDate day, Tertial tertial, List<ActivityView> activities, Directory directory,
                          Map<Person, Map<String, ReminderItem>> byRecipient) {
        for (ActivityView activity : activities) {
            ActivityFacts facts = activity.facts();
            // only what is missing: a report for the tertial, or an activity reported completed since, is not
            if (!facts.mustReportFor(tertial) || facts.currentStatus().map(Status::isCompleted).orElse(false)) {
                continue;
            }
            String note = ownerSituation(activity, day, directory);
            for (Person manager : directory.managersOf(activity)) {
                directory.deliveryFor(manager, day).ifPresent(delivery -> add(byRecipient, delivery.recipient(),
                        item(activity, ReminderPurpose.ESCALATION, "ESCALATION", tertial, note)));
            }
        }
    }

    /** What a manager should know about who is (not) there to report. */
    private static String ownerSituation(ActivityView activity, LocalDate day, Directory directory) {
        List<Person> active = activity.owners().stream().filter(Person::active).toList();
        if (active.isEmpty()) {
            return "ingen aktiv ansvarig";
        }
        List<String> absent = new ArrayList<>();
        for (Person owner : active) {
            if (directory.isAbsent(owner, day)) {
                absent.add(owner.name() + " frånvarande" + directory.deputyOf(owner)
                        .map(d -> ", ersättare " + d.name()).orElse(", ingen ersättare"));
            } else if (directory.sentAutoReply(owner)) {
                absent.add(owner.name() + " svarade med ett automatiskt frånvarobesked");
            }
        }
        return absent.isEmpty() ? null : String.join("; ", absent);
    }

    private static ReminderItem item(ActivityView activity, ReminderPurpose purpose, String step, Tertial tertial,
                                     String note) {
        return new ReminderItem(purpose, step, tertial == null ? null : tertial.toString(), activity.ref(),
                activity.activity().title(), activity.activity().endDate(), activity.activity().status(),
                activity.owners().stream().map(Person::name).collect(Collectors.joining(", ")), note);
    }

    private static void add(Map<Person, Map<String, ReminderItem>> byRecipient, Person recipient, ReminderItem item) {
        // keyed: one item per activity and reason however many owners or managers lead to the same recipient
        byRecipient.computeIfAbsent(recipient, p -> new LinkedHashMap<>()).putIfAbsent(item.key(), item);
    }
}
