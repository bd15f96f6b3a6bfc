package se.ange.tertial.web.sending;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.schedule.PlannedMessage;
import se.ange.tertial.schedule.ReminderItem;
import se.ange.tertial.schedule.ReminderPurpose;
import se.ange.tertial.web.WebTexts;

/** The calendar's rows: a day with its reminders, or a run of days without any shown as one line. */
final class CalendarDays {

    static final Counted.Noun PERSON = new Counted.Noun("person", "personer", "person", "people");

    /** One activity in a reminder. */
    record Item(String ref, String href, String title, String why, String note) {
    }

    /** One person's message on a day. */
    record Recipient(String name, String channel, String kinds, String count, List<Item> items) {
    }

    /** A day (or, when {@code empty}, a run of days) of the calendar. */
    record Day(String id, String label, boolean empty, String summary, List<Recipient> recipients) {
    }

    private CalendarDays() {
    }

    static Day day(LocalDate day, List<PlannedMessage> planned, WebTexts t) {
        if (planned.isEmpty()) {
            return new Day("d" + day, capitalized(date(day, t), t), true, t.get("sending.calendar.nothing"), List.of());
        }
        List<Recipient> recipients = new ArrayList<>();
        int activities = 0;
        for (PlannedMessage message : planned) {
            Set<String> kinds = new LinkedHashSet<>();
            Set<String> refs = new LinkedHashSet<>();
            List<Item> items = new ArrayList<>();
            for (ReminderItem item : message.items()) {
                String why = why(item, t);
                kinds.add(why);
                refs.add(item.activityRef());
                items.add(new Item(item.activityRef(), "/aktiviteter/" + item.activityRef(), item.activityTitle(), why,
                        item.note()));
            }
            activities += refs.size();
            ReminderChannel channel = message.recipient().reminderChannel();
            recipients.add(new Recipient(message.recipient().name(), t.get("sending.channel." + channel.name()),
                    String.join(", ", kinds), Counted.of(refs.size(), Counted.ACTIVITY, t.language()), items));
        }
        String summary = t.format("sending.calendar.day", Counted.of(planned.size(), PERSON, t.language()),
                Counted.of(activities, Counted.ACTIVITY, t.language()));
        return new Day("d" + day, capitalized(date(day, t), t), false, summary, recipients);
    }

    /** Days without reminders next to each other become one row ("13–14 april"). */
    static List<Day> compact(List<Day> days, WebTexts t) {
        List<Day> rows = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            Day first = days.get(i);
            if (!first.empty()) {
                rows.add(first);
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).empty()) {
                j++;
            }
            rows.add(j == i ? first : new Day(first.id(), t.format("sending.calendar.range", first.label(),
                    date(LocalDate.parse(days.get(j).id().substring(1)), t)), true, first.summary(), List.of()));
            i = j + 1;
        }
        return rows;
    }

    /** "onsdag 10 april". */
    static String date(LocalDate day, WebTexts t) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, t.locale()) + " " + Dates.dayMonth(day, t.language());
    }

    private static String capitalized(String text, WebTexts t) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(t.locale()) + text.substring(1);
    }

    /** Why the person is reminded, in words: "Andra påminnelsen om rapport för T1 2024". */
    static String why(ReminderItem item, WebTexts t) {
        String tertial = item.tertial() == null ? "" : tertialName(item.tertial());
        if (item.purpose() == ReminderPurpose.TERTIAL_REPORT) {
            return t.format("sending.purpose.TERTIAL_REPORT." + item.step(), tertial);
        }
        return t.format("sending.purpose." + item.purpose().name(), tertial);
    }

    private static String tertialName(String id) {
        try {
            Tertial tertial = Tertial.parse(id);
            return "T" + tertial.number() + " " + tertial.year();
        } catch (IllegalArgumentException e) {
            return id;
        }
    }
}
