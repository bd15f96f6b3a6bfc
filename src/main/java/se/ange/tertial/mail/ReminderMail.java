package se.ange.tertial.mail;

import se.ange.tertial.system.WebConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.thymeleaf.context.Context;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.schedule.ReminderPurpose;

/**
 * Renders a reminder as subject, plain text and HTML, in the recipient's language (Swedish by default),
 * with the texts in {@code mail/reminder_*.properties} (both parts written in code: {@link ReminderText},
 * {@link ReminderHtml}): each activity once, with reference, title, end date (marked when it
 * has passed) and current status, grouped by why it is there, and exactly how to answer. A manager's
 * escalation names each missing activity's owner and says what the manager can do. Each message links to the
 * web: an owner's to {@code /mina}, an escalation's each activity to its page.
 */
@Singleton
public class ReminderMail {

    /**
     * A rendered reminder; {@code subject} is without the reply tag (the notifier adds it at the end).
     * {@code activities}: how many it lists (0 when everything escalated was reported before delivery).
     */
    public record Rendered(String subject, String text, String html, int activities) {
    }

    /** One group of activities with its heading. */
    public record Section(String heading, List<Line> items) {

        /**
         * As the templates read it: maps, which Thymeleaf reads directly, where a record's accessors are looked up
         * by reflection at every use (half of a reminder's rendering, a fifth of its delivery).
         */
        Map<String, Object> forTemplate() {
            return Map.of("heading", heading, "items", items.stream().map(Line::forTemplate).toList());
        }
    }

    /**
     * One activity as shown in a reminder: {@code end} the end date in words ("slutdatum 30 april 2024", or
     * that it has passed), {@code late} whether it has, {@code status} the current status (empty on an
     * escalation, where it is missing), {@code owner} who is responsible (escalations), {@code note} e.g. an
     * absence, {@code link} the activity's page (escalations; empty otherwise, where the message links to
     * {@code /mina}).
     */
    public record Line(String ref, String title, String end, boolean late, String status, String owner,
                       String note, String link) {

        Map<String, Object> forTemplate() {
            Map<String, Object> line = new java.util.HashMap<>();   // as the record: a null stays null
            line.put("ref", ref);
            line.put("title", title);
            line.put("end", end);
            line.put("late", late);
            line.put("status", status);
            line.put("owner", owner);
            line.put("note", note);
            line.put("link", link);
            // what the templates show or leave out, decided here: OGNL calls a method such as isEmpty() by reflection
            line.put("hasStatus", !status.isEmpty());
            line.put("hasOwner", !owner.isEmpty());
            line.put("hasNote", !note.isEmpty());
            line.put("hasLink", !link.isEmpty());
            return line;
        }
    }

    /** The numbered statuses each message lists, the same in every message of a language. */
    private static final Map<Language, List<String>> STATUSES = Arrays.stream(Language.values())
            .collect(Collectors.toMap(l -> l, l -> Arrays.stream(Status.values()).map(s -> s.label(l)).toList(),
                    (a, b) -> a, () -> new EnumMap<>(Language.class)));

    private final MailTemplates templates = new MailTemplates("reminder");
    private final ActivityCatalog catalog;
    private final ChatChannels chats;
    private final WebConfig web;
    private final Clock clock;

    ReminderMail(ActivityCatalog catalog, ChatChannels chats, WebConfig web, Clock clock) {
        this.catalog = catalog;
        this.chats = chats;
        this.web = web;
        this.clock = clock;
    }

    /** The items' activities read now (a preview; delivery passes those it has read). */
    public Rendered render(Person recipient, List<ReminderItemRow> items) {
        return render(recipient, items, catalog.byRefs(items.stream().map(ReminderItemRow::activityRef).toList()));
    }

    /** {@code activities}: the items' activities by reference; one not among them is left out. */
    public Rendered render(Person recipient, List<ReminderItemRow> items, Map<String, ActivityView> activities) {
        LocalDate today = LocalDate.now(clock);
        Language language = recipient.language();
        Locale locale = MailTemplates.locale(language);
        ResourceBundle texts = templates.texts(language);
        List<Shown> shown = once(items, activities);
        Map<ReminderPurpose, List<Shown>> byPurpose = new EnumMap<>(ReminderPurpose.class);
        shown.forEach(s -> byPurpose.computeIfAbsent(s.purpose(), p -> new ArrayList<>()).add(s));
        Map<String, Section> sections = new LinkedHashMap<>();
        // a heading per reason and tertial, not per line: formatting its date was most of a line's cost
        Map<String, String> headings = new HashMap<>();
        byPurpose.forEach((purpose, group) -> group.forEach(s -> line(s, activities, today, texts, language).ifPresent(line ->
                sections.computeIfAbsent(headings.computeIfAbsent(s.item().purpose() + "/" + s.item().tertial(),
                                key -> heading(texts, s.item(), language)), h -> new Section(h, new ArrayList<>()))
                        .items().add(line))));
        List<Shown> answerable = shown.stream().filter(s -> s.purpose() != ReminderPurpose.ESCALATION).toList();
        boolean escalation = shown.stream().anyMatch(s -> s.purpose() == ReminderPurpose.ESCALATION);
        long count = shown.size();
        boolean single = count == 1;
        String exampleRef = (answerable.isEmpty() ? shown : answerable).stream().findFirst()
                .map(s -> s.item().activityRef()).orElse("KS2024-017");
        String example = (single ? "" : exampleRef + ": ") + (Status.PAGAENDE_ENLIGT_PLAN.ordinal() + 1) + " – "
                + texts.getString("example.comment");
        String subject = subject(texts, shown, language);
        String chat = chats.phrase(recipient);
        Context context = new Context(locale);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("name", MailTemplates.firstName(recipient.name()));
        context.setVariable("subject", subject);
        context.setVariable("sections", sections.values().stream().map(Section::forTemplate).toList());
        context.setVariable("answerable", !answerable.isEmpty());
        context.setVariable("escalation", escalation);
        context.setVariable("single", single);
        context.setVariable("howto", texts.getString(single ? "howto.single" : "howto.reply"));
        context.setVariable("example", example);
        context.setVariable("managerHowto", MailTemplates.format(texts.getString("manager.howto"), exampleRef));
        context.setVariable("chat", chat == null ? null : MailTemplates.format(texts.getString("howto.chat"), chat,
                exampleRef, texts.getString("example.comment")));
        context.setVariable("mine", web.link("/mina"));
        context.setVariable("statuses", STATUSES.get(language));
        return new Rendered(subject, ReminderText.write(context, texts), ReminderHtml.write(context, texts),
                sections.values().stream().mapToInt(section -> section.items().size()).sum());
    }

    /** An activity's item for the message: the most important reason it is there, and the others it also has. */
    private record Shown(ReminderItemRow item, ReminderPurpose purpose, boolean endingSoon) {
    }

    /**
     * Each activity once: an activity due for a report is listed there (also when it ends within a week or
     * is past its end), an escalated one under the escalation, else under its end date. Escalated activities
     * reported since the message was planned are left out: the manager sees only what is still missing.
     */
    private static List<Shown> once(List<ReminderItemRow> items, Map<String, ActivityView> activities) {
        Map<String, List<ReminderItemRow>> byRef = new LinkedHashMap<>();
        items.forEach(item -> byRef.computeIfAbsent(item.activityRef(), r -> new ArrayList<>()).add(item));
        List<Shown> shown = new ArrayList<>();
        for (List<ReminderItemRow> forActivity : byRef.values()) {
            ReminderItemRow main = forActivity.stream().min(Comparator.comparing(ReminderMail::purpose)).orElseThrow();
            boolean endingSoon = forActivity.stream().anyMatch(i -> purpose(i) == ReminderPurpose.ENDING_SOON);
            if (purpose(main) == ReminderPurpose.ESCALATION && stillMissing(main, activities).isEmpty()) {
                continue;
            }
            shown.add(new Shown(main, purpose(main), endingSoon));
        }
        return shown;
    }

    /** The escalated activity, while its report for the tertial is still missing. */
    private static Optional<ActivityView> stillMissing(ReminderItemRow item, Map<String, ActivityView> activities) {
        Optional<ActivityView> view = Optional.ofNullable(activities.get(item.activityRef()));
        if (view.isEmpty() || item.tertial() == null) {
            return view;
        }
        return view.filter(v -> v.facts().mustReportFor(Tertial.parse(item.tertial()))
                && !v.facts().currentStatus().map(Status::isCompleted).orElse(false));
    }

    private static ReminderPurpose purpose(ReminderItemRow item) {
        return ReminderPurpose.valueOf(item.purpose());
    }

    private Optional<Line> line(Shown shown, Map<String, ActivityView> activities, LocalDate today,
                                ResourceBundle texts, Language language) {
        ReminderItemRow item = shown.item();
        return Optional.ofNullable(activities.get(item.activityRef())).map(view -> {
            Status status = view.activity().status();
            LocalDate end = view.activity().endDate();
            boolean late = end != null && end.isBefore(today)
                    && (status == null || !status.isCompleted());
            String endText = end == null ? ""
                    : MailTemplates.format(texts.getString(late ? "end.passed" : shown.endingSoon() ? "end.soon" : "end"),
                            date(end, language));
            boolean escalated = shown.purpose() == ReminderPurpose.ESCALATION;
            String statusText = escalated ? ""
                    : status == null ? texts.getString("status.none") : status.symbol() + " " + status.label(language);
            String owner = escalated ? owners(view, texts) : "";
            String link = escalated ? web.link("/aktiviteter/" + item.activityRef()) : "";
            return new Line(item.activityRef(), view.activity().title(), endText, late, statusText, owner,
                    item.note() == null ? "" : item.note(), link);
        });
    }

    private static String owners(ActivityView view, ResourceBundle texts) {
        List<Person> owners = view.owners();
        if (owners.isEmpty()) {
            return texts.getString("owner.none");
        }
        return MailTemplates.format(texts.getString("owner"),
                owners.stream().map(Person::name).collect(Collectors.joining(", ")));
    }

    private static String heading(ResourceBundle texts, ReminderItemRow item, Language language) {
        String pattern = texts.getString("section." + item.purpose());
        if (item.tertial() == null) {
            return pattern;
        }
        Tertial tertial = Tertial.parse(item.tertial());
        return MailTemplates.format(pattern, tertial.toString(), date(tertial.closingDate(), language));
    }

    /** A sentence saying what the message asks; the reply tag is added after it. */
    private static String subject(ResourceBundle texts, List<Shown> shown, Language language) {
        long activities = shown.size();
        String tertial = shown.stream().map(s -> s.item().tertial()).filter(Objects::nonNull).findFirst().orElse(null);
        boolean allReports = shown.stream().allMatch(s -> s.purpose() == ReminderPurpose.TERTIAL_REPORT);
        boolean allEscalations = shown.stream().allMatch(s -> s.purpose() == ReminderPurpose.ESCALATION);
        if (allReports && tertial != null) {
            Tertial t = Tertial.parse(tertial);
            return MailTemplates.format(texts.getString("subject.TERTIAL_REPORT"),
                    Counted.of(activities, Counted.ACTIVITY, language), t.toString(),
                    MailTemplates.dayMonth(t.closingDate(), language));
        }
        if (allEscalations && tertial != null) {
            return MailTemplates.format(texts.getString(activities == 1 ? "subject.ESCALATION.one" : "subject.ESCALATION"),
                    Counted.of(activities, Counted.REPORT, language), tertial);
        }
        return MailTemplates.format(texts.getString(activities == 1 ? "subject.OTHER.one" : "subject.OTHER"),
                Counted.of(activities, Counted.ACTIVITY, language));
    }

    private static String date(LocalDate date, Language language) {
        return MailTemplates.date(date, language);
    }
}
