package se.ange.tertial.command;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import se.ange.tertial.digest.DigestPreference;
import se.ange.tertial.digest.DigestRun;
import se.ange.tertial.followup.AskedTertial;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Deviation;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.Reporting;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.query.ActivityQueries;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.system.ProblemException;

/**
 * Runs a chat command for a caller against the register, within the caller's permissions, and answers
 * in their language. Long lists are sorted (most urgent first) and paged, never cut silently.
 */
@Singleton
public class CommandHandler {

    static final int PAGE_SIZE = 10;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ActivityCatalog catalog;
    private final Reporting reporting;
    private final DeviationRules rules;
    private final ActivityQueries queries;
    private final Snoozes snoozes;
    private final DigestRun digests;
    private final PersonRepository people;
    private final AskedTertial asked;
    private final Clock clock;

    CommandHandler(ActivityCatalog catalog, Reporting reporting, DeviationRules rules, ActivityQueries queries,
                   Snoozes snoozes, PersonRepository people, DigestRun digests, AskedTertial asked, Clock clock) {
        this.asked = asked;
        this.digests = digests;
        this.people = people;
        this.catalog = catalog;
        this.reporting = reporting;
        this.rules = rules;
        this.queries = queries;
        this.snoozes = snoozes;
        this.clock = clock;
    }

    /** Parses and runs a line in the caller's own language (Swedish for strangers). */
    public Reply handle(String line, Optional<Caller> caller, Channel channel) {
        Language language = caller.flatMap(c -> Optional.ofNullable(c.personId())).flatMap(people::findById)
                .map(Person::language).orElse(Language.SV);
        return handle(line, caller, language, channel);
    }

    /** Parses and runs a line. {@code caller} is empty for a chat user not mapped to a person. */
    public Reply handle(String line, Optional<Caller> caller, Language language, Channel channel) {
        CommandParser.Parsed parsed = CommandParser.parse(line);
        if (parsed instanceof CommandParser.Parsed.Malformed malformed) {
            return help(Optional.of(malformed.closest()), language, texts(language).unclear(malformed.problem()));
        }
        Command command = ((CommandParser.Parsed.Ok) parsed).command();
        if (command instanceof Command.Help help) {
            return help(help.topic(), language, null);
        }
        if (caller.isEmpty()) {
            return Reply.of(texts(language).unknownUser());
        }
        return run(command, caller.get(), language, channel);
    }

    Reply run(Command command, Caller caller, Language language, Channel channel) {
        Texts t = texts(language);
        LocalDate today = LocalDate.now(clock);
        Tertial due = asked.on(today);
        if (command instanceof Command.Mine mine) {
            return page(t.mine(due), readable(caller, view -> mine(caller, view)
                    && view.facts().mustReportFor(due)), mine.page(), "mina",
                    view -> status(view, language), t);
        }
        if (command instanceof Command.Report report) {
            return report(report, caller, language, channel, t, today);
        }
        if (command instanceof Command.Overdue overdue) {
            return overdue(overdue, caller, language, t, today);
        }
        if (command instanceof Command.Missing missing) {
            Tertial tertial = missing.tertial().orElse(due);
            return page(t.missing(tertial), queries.missing(caller, null, tertial), missing.page(),
                    "saknas " + tertial, CommandHandler::owners, t);
        }
        if (command instanceof Command.Deviations deviations) {
            return page(t.deviations(today), queries.deviationsOn(caller, null, today).stream()
                            .map(ActivityQueries.Found::view).toList(),
                    deviations.page(), "avvikelser", view -> rules.deviationsOn(view.facts(), today).stream()
                            .map(d -> label(d, language)).reduce((a, b) -> a + ", " + b).orElse(""), t);
        }
        if (command instanceof Command.Show show) {
            return show(show.ref(), caller, language, t);
        }
        if (command instanceof Command.Snooze snooze) {
            return snooze(snooze, caller, t, today);
        }
        if (command instanceof Command.Settings settings) {
            return settings(settings, caller, channel);
        }
        return help(((Command.Help) command).topic(), language, null);
    }

    private Reply report(Command.Report report, Caller caller, Language language, Channel channel, Texts t,
                         LocalDate today) {
        Optional<ActivityView> activity = catalog.byRef(report.ref());
        if (activity.isEmpty()) {
            return Reply.of(t.noSuchActivity(report.ref()));
        }
        if (!Permissions.canReport(caller, activity.get())) {
            return Reply.of(t.notYours(report.ref()));
        }
        Tertial tertial = asked.forActivity(today, activity.get().facts());
        try {
            reporting.report(report.ref(), tertial, report.status(), report.comment(), caller.actor(channel));
        } catch (ProblemException e) {
            return Reply.of(t.notRecorded(report.ref(), e.getMessage()));
        }
        return new Reply(t.recorded(report.ref(), tertial), List.of(new Reply.Entry(report.ref(),
                activity.get().activity().title(), report.status().symbol() + " " + report.status().label(language)
                + (report.comment().isBlank() ? "" : " – " + report.comment()))), List.of());
    }

    private Reply overdue(Command.Overdue overdue, Caller caller, Language language, Texts t, LocalDate today) {
        String department = overdue.department().map(String::strip).orElse(null);
        switch (queries.access(caller, department)) {
            case UNKNOWN -> {
                return Reply.of(t.noSuchDepartment(department));
            }
            case NOT_YOURS -> {
                return Reply.of(t.otherDepartment(department));
            }
            case ALLOWED -> { }
        }
        return page(t.overdue(today), queries.overdue(caller, department, today), overdue.page(),
                "försenade" + overdue.department().map(d -> " " + d).orElse(""),
                view -> t.endedOn(view.activity().endDate().format(DATE)) + ", " + status(view, language), t);
    }

    private Reply show(String ref, Caller caller, Language language, Texts t) {
        Optional<ActivityView> activity = catalog.byRef(ref);
        if (activity.isEmpty()) {
            return Reply.of(t.noSuchActivity(ref));
        }
        ActivityView view = activity.get();
        if (!Permissions.canRead(caller, view)) {
            return Reply.of(t.notYours(ref));
        }
        List<Reply.Entry> history = new ArrayList<>();
        List<StatusReport> reports = view.reports();
        for (StatusReport report : reports.subList(Math.max(0, reports.size() - 5), reports.size())) {
            history.add(new Reply.Entry(report.tertial(), report.status().symbol() + " " + report.status().label(language),
                    (report.comment() == null ? "" : report.comment() + " ") + "(" + report.reportedBy() + ", "
                            + report.channel().name().toLowerCase(Locale.ROOT) + ")"));
        }
        List<String> notes = new ArrayList<>();
        notes.add(t.details(view.department(), view.activity().startDate().format(DATE),
                view.activity().endDate().format(DATE), owners(view), status(view, language)));
        if (reports.size() > 5) {
            notes.add(t.olderReports(reports.size() - 5));
        }
        return new Reply(view.ref() + " " + view.activity().title(), history, notes);
    }

    private Reply snooze(Command.Snooze snooze, Caller caller, Texts t, LocalDate today) {
        Optional<ActivityView> activity = catalog.byRef(snooze.ref());
        if (activity.isEmpty()) {
            return Reply.of(t.noSuchActivity(snooze.ref()));
        }
        if (caller.personId() == null || !Permissions.canReport(caller, activity.get())) {
            return Reply.of(t.notYours(snooze.ref()));
        }
        LocalDate until = today.plusDays(snooze.days());
        snoozes.snooze(caller.personId(), snooze.ref(), until);
        return Reply.of(t.snoozed(snooze.ref(), until.format(DATE)));
    }

    /** Shows or changes where reminders go and in which language; the answer is in the (new) language. */
    private Reply settings(Command.Settings settings, Caller caller, Channel channel) {
        Optional<Person> person = caller.personId() == null ? Optional.empty() : people.findById(caller.personId());
        if (person.isEmpty()) {
            return Reply.of(texts(Language.SV).unknownUser());
        }
        Person current = person.get();
        if (settings.channel().isPresent() || settings.language().isPresent()) {
            current = people.update(current.withPreferences(settings.channel().orElse(current.reminderChannel()),
                    settings.language().orElse(current.language())));
        }
        Texts t = texts(current.language());
        String reminders = t.settings(current.reminderChannel().name().toLowerCase(Locale.ROOT),
                current.language() == Language.EN ? "English" : "svenska");
        if (!digests.receives(current)) {
            return Reply.of(reminders);
        }
        DigestPreference before = digests.preference(current);
        Command.DigestChoice choice = settings.digest();
        DigestPreference digest = !choice.changes() ? before : digests.choose(current, new DigestPreference(current.id(),
                choice.enabled().orElse(before.enabled()), choice.day().orElse(before.sendDay()),
                choice.channel().orElse(before.channel())), caller.actor(channel));
        ReminderChannel digestChannel = digest.channel() != null ? digest.channel() : current.reminderChannel();
        return Reply.of(reminders, t.digestSettings(digest.enabled() ? digest.sendDay() : null,
                digestChannel.name().toLowerCase(Locale.ROOT)));
    }

    private Reply help(Optional<CommandName> topic, Language language, String problem) {
        Texts t = texts(language);
        List<CommandName> shown = topic.map(List::of).orElse(Arrays.asList(CommandName.values()));
        List<Reply.Entry> entries = shown.stream()
                .map(c -> new Reply.Entry(c.usage(language), "", c.help(language))).toList();
        List<String> notes = new ArrayList<>();
        notes.add(t.statuses());
        return new Reply(problem == null ? t.helpHeading() : problem, entries, notes);
    }

    private List<ActivityView> readable(Caller caller, Predicate<ActivityView> wanted) {
        return catalog.all().stream().filter(view -> Permissions.canRead(caller, view)).filter(wanted).toList();
    }

    private static boolean mine(Caller caller, ActivityView view) {
        return caller.personId() != null && view.owners().stream().anyMatch(p -> p.id().equals(caller.personId())
                || caller.deputyFor().contains(p.id()));
    }

    private static Reply page(String heading, List<ActivityView> all, int page, String command,
                              java.util.function.Function<ActivityView, String> detail, Texts t) {
        if (all.isEmpty()) {
            return Reply.of(heading, t.none());
        }
        int pages = (all.size() + PAGE_SIZE - 1) / PAGE_SIZE;
        int shown = Math.min(page, pages);
        List<Reply.Entry> entries = all.subList((shown - 1) * PAGE_SIZE, Math.min(all.size(), shown * PAGE_SIZE)).stream()
                .map(view -> new Reply.Entry(view.ref(), view.activity().title(), detail.apply(view))).toList();
        List<String> notes = new ArrayList<>();
        if (pages > 1) {
            notes.add(t.pageOf(shown, pages, all.size(), shown < pages ? command + " sida " + (shown + 1) : null));
        }
        return new Reply(heading + " (" + all.size() + ")", entries, notes);
    }

    private static String status(ActivityView view, Language language) {
        Status status = view.activity().status();
        return status == null ? texts(language).noStatus() : status.symbol() + " " + status.label(language);
    }

    private static String owners(ActivityView view) {
        return view.owners().stream().map(p -> p.name()).reduce((a, b) -> a + ", " + b).orElse("–");
    }

    private static String label(Deviation deviation, Language language) {
        return deviation.kind().label(language) + (deviation.tertial() == null ? "" : " " + deviation.tertial());
    }

    private static Texts texts(Language language) {
        return language == Language.EN ? Texts.ENGLISH : Texts.SWEDISH;
    }
}
