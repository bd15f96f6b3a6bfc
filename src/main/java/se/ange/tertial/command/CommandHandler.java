package se.ange.tertial.command;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import se.ange.tertial.register.activity.ActivityFinder;
import se.ange.tertial.register.activity.ActivitySelection;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.Reporting;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.query.ActivityQueries;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.PersonSettings;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.system.ProblemException;

/**
 * Runs a chat command for a caller against the register, within the caller's permissions, and answers
 * in their language. Long lists are sorted (most urgent first) and paged, never cut silently.
 */
@Singleton
public class CommandHandler {

    static final int PAGE_SIZE = 10;
    /** The example reference of the commands' usage, replaced by one of the asker's own activities. */
    static final String EXAMPLE_REF = "KS2024-017";

    private final ActivityCatalog catalog;
    private final Reporting reporting;
    private final DeviationRules rules;
    private final ActivityQueries queries;
    private final Snoozes snoozes;
    private final DigestRun digests;
    private final PersonRepository people;
    private final DepartmentRepository departments;
    private final AskedTertial asked;
    private final PersonSettings personSettings;
    private final Clock clock;
    private final ActivityFinder finder;

    CommandHandler(ActivityCatalog catalog, Reporting reporting, DeviationRules rules, ActivityQueries queries,
                   Snoozes snoozes, PersonRepository people, DepartmentRepository departments, DigestRun digests,
                   AskedTertial asked, PersonSettings personSettings, Clock clock, ActivityFinder finder) {
        this.finder = finder;
        this.personSettings = personSettings;
        this.departments = departments;
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
            return help(Optional.of(malformed.closest()), language, texts(language).unclear(malformed.problem()), caller);
        }
        Command command = ((CommandParser.Parsed.Ok) parsed).command();
        if (command instanceof Command.Help help) {
            return help(help.topic(), language, null, caller);
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
            return page(t.mine(due), queries.held(caller).filter(view -> view.facts().mustReportFor(due)).toList(),
                    mine.page(), "mina",
                    view -> status(view, language), t);
        }
        if (command instanceof Command.Report report) {
            return report(report, caller, language, channel, t, today);
        }
        if (command instanceof Command.Completed completed) {
            return completed(completed, caller, t);
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
            return show(show.ref(), caller, language, t, today);
        }
        if (command instanceof Command.Snooze snooze) {
            return snooze(snooze, caller, t, today);
        }
        if (command instanceof Command.Settings settings) {
            return settings(settings, caller, channel);
        }
        return help(((Command.Help) command).topic(), language, null, Optional.of(caller));
    }

    private Reply report(Command.Report typed, Caller caller, Language language, Channel channel, Texts t,
                         LocalDate today) {
        Optional<ActivityView> activity = findReadable(typed.ref(), caller);
        if (activity.isEmpty()) {
            return unknownActivity(typed.ref(), caller, t);
        }
        Command.Report report = new Command.Report(activity.get().ref(), typed.status(), typed.comment());
        if (!Permissions.canReport(caller, activity.get())) {
            return Reply.of(t.notYours(report.ref()));
        }
        if (report.status().isWithDeviation() && report.comment().isBlank()) {
            // as the Slack modal: a deviation is reported with what deviates, else the report says nothing
            return Reply.of(t.commentNeeded(report.ref(), report.status().label(language),
                    "status " + report.ref() + " " + number(report.status()) + ": " + t.deviationPlaceholder()));
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

    /** "klar" or "avslutad" without saying how: nothing is recorded, the two ways to say it are offered. */
    private Reply completed(Command.Completed completed, Caller caller, Texts t) {
        Optional<ActivityView> activity = findReadable(completed.ref(), caller);
        if (activity.isEmpty()) {
            return unknownActivity(completed.ref(), caller, t);
        }
        String ref = activity.get().ref();
        if (!Permissions.canReport(caller, activity.get())) {
            return Reply.of(t.notYours(ref));
        }
        String comment = completed.comment().isBlank() ? null : completed.comment();
        return Reply.of(t.whichCompleted(ref,
                "status " + ref + " " + number(Status.AVSLUTAD_ENLIGT_PLAN) + ": " + (comment == null ? t.commentPlaceholder() : comment),
                "status " + ref + " " + number(Status.AVSLUTAD_MED_AVVIKELSE) + ": "
                        + (comment == null ? t.deviationPlaceholder() : comment)));
    }

    private Reply overdue(Command.Overdue overdue, Caller caller, Language language, Texts t, LocalDate today) {
        String typed = overdue.department().map(String::strip).orElse(null);
        List<String> names = departments.findAll().stream().map(Department::name).sorted().toList();
        List<String> matching = typed == null ? List.of() : departmentsMeant(typed, names);
        if (typed != null && matching.size() != 1) {
            List<String> suggestions = matching.isEmpty() ? similar(typed, names, 3) : matching;
            return Reply.of(t.noSuchDepartment(typed, suggestions, names));
        }
        String department = typed == null ? null : matching.get(0);
        switch (queries.access(caller, department)) {
            case UNKNOWN -> {
                return Reply.of(t.noSuchDepartment(department, List.of(), names));
            }
            case NOT_YOURS -> {
                return Reply.of(t.otherDepartment(department));
            }
            case ALLOWED -> { }
        }
        return page(t.overdue(today), queries.overdue(caller, department, today), overdue.page(),
                "försenade" + (department == null ? "" : " " + department),
                view -> t.endedOn(t.date(view.activity().endDate(), today)) + ", " + status(view, language), t);
    }

    private Reply show(String ref, Caller caller, Language language, Texts t, LocalDate today) {
        Optional<ActivityView> activity = findReadable(ref, caller);
        if (activity.isEmpty()) {
            return unknownActivity(ref, caller, t);
        }
        ActivityView view = activity.get();
        List<Reply.Entry> history = new ArrayList<>();
        List<StatusReport> reports = view.reports();
        for (StatusReport report : reports.subList(Math.max(0, reports.size() - 5), reports.size())) {
            history.add(new Reply.Entry(report.tertial(), report.status().symbol() + " " + report.status().label(language),
                    t.history(report.comment(), reporter(report), t.channel(report.channel().name()),
                            t.date(report.receivedAt().atZone(clock.getZone()).toLocalDate(), today))));
        }
        List<String> notes = new ArrayList<>();
        notes.add(t.details(view.department(), t.date(view.activity().startDate(), today),
                t.date(view.activity().endDate(), today), owners(view), status(view, language)));
        if (reports.size() > 5) {
            notes.add(t.olderReports(reports.size() - 5));
        }
        return new Reply(view.ref() + " " + view.activity().title(), history, notes);
    }

    private Reply snooze(Command.Snooze snooze, Caller caller, Texts t, LocalDate today) {
        Optional<ActivityView> activity = findReadable(snooze.ref(), caller);
        if (activity.isEmpty()) {
            return unknownActivity(snooze.ref(), caller, t);
        }
        String ref = activity.get().ref();
        if (caller.personId() == null || !Permissions.canReport(caller, activity.get())) {
            return Reply.of(t.notYours(ref));
        }
        LocalDate until = today.plusDays(snooze.days());
        snoozes.snooze(caller.personId(), ref, until);
        return Reply.of(t.snoozed(ref, t.date(until, today)));
    }

    /** Shows or changes where reminders go and in which language; the answer is in the (new) language. */
    private Reply settings(Command.Settings settings, Caller caller, Channel channel) {
        Optional<Person> person = caller.personId() == null ? Optional.empty() : people.findById(caller.personId());
        if (person.isEmpty()) {
            return Reply.of(texts(Language.SV).unknownUser());
        }
        Person current = person.get();
        if (settings.channel().isPresent() || settings.language().isPresent()) {
            current = personSettings.setPreferences(current, settings.channel().orElse(current.reminderChannel()),
                    settings.language().orElse(current.language()), caller.actor(channel));
        }
        Texts t = texts(current.language());
        String reminders = t.settings(t.channel(current.reminderChannel().name()),
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
                t.channel(digestChannel.name())));
    }

    /** The help; its examples name one of the asker's own activities when they have one. */
    private Reply help(Optional<CommandName> topic, Language language, String problem, Optional<Caller> caller) {
        Texts t = texts(language);
        String example = caller.flatMap(this::ownActivity).orElse(EXAMPLE_REF);
        List<CommandName> shown = topic.map(List::of).orElse(Arrays.asList(CommandName.values()));
        List<Reply.Entry> entries = shown.stream()
                .map(c -> new Reply.Entry(c.usage(language).replace(EXAMPLE_REF, example), "", c.help(language))).toList();
        List<String> notes = new ArrayList<>();
        notes.add(t.statuses());
        return new Reply(problem == null ? t.helpHeading() : problem.replace(EXAMPLE_REF, example), entries, notes);
    }

    /** The caller's own activity to show in examples: one that needs a report first, else any of theirs. */
    private Optional<String> ownActivity(Caller caller) {
        List<ActivityView> own = queries.held(caller).toList();
        return own.stream().filter(view -> view.activity().status() == null || !view.activity().status().isCompleted())
                .findFirst().or(() -> own.stream().findFirst()).map(ActivityView::ref);
    }

    /**
     * The activity of a reference as typed: exactly, else the one with the same prefix, year and number
     * ({@code KS2024-7} for KS2024-0007 in a register that writes four digits).
     */
    private Optional<ActivityView> find(String ref) {
        Optional<ActivityView> exact = catalog.byRef(ref);
        if (exact.isPresent()) {
            return exact;
        }
        int dash = ref.lastIndexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String prefix = ref.substring(0, dash + 1);
        String number = ref.substring(dash + 1).replaceFirst("^0+(?=\\d)", "");
        // the references with that prefix (an index), not the whole register
        List<String> same = finder.refs(ActivitySelection.any().refStartingWith(prefix)).stream()
                .filter(candidate -> candidate.toUpperCase(Locale.ROOT).startsWith(prefix)
                        && candidate.substring(dash + 1).replaceFirst("^0+(?=\\d)", "").equals(number)).toList();
        return same.size() == 1 ? catalog.byRef(same.get(0)) : Optional.empty();
    }

    /** No such activity: "menade du …?" with the nearest references the caller may see, else how to find theirs. */
    /**
     * The activity named, when the caller may read it: one they may not read is answered as one that does
     * not exist ({@link #unknownActivity}), so refs cannot be probed in chat either.
     */
    private Optional<ActivityView> findReadable(String ref, Caller caller) {
        return find(ref).filter(view -> Permissions.canRead(caller, view));
    }

    private Reply unknownActivity(String ref, Caller caller, Texts t) {
        List<String> near = nearestReadable(ref, caller, 3);
        return Reply.of(near.isEmpty() ? t.noSuchActivity(ref) : t.didYouMean(ref, near));
    }

    /**
     * Up to {@code max} references near the typed one that the caller may read, nearest first: the near ones among
     * the references the caller may reach (one column, by index), then only those read whole for {@link
     * Permissions#canRead}, a few at a time, until enough are found.
     */
    private List<String> nearestReadable(String ref, Caller caller, int max) {
        List<String> near = similar(ref, finder.refs(ActivitySelection.readableBy(caller)), Integer.MAX_VALUE);
        List<String> readable = new ArrayList<>();
        for (int from = 0; from < near.size() && readable.size() < max; from += max * 2) {
            List<String> part = near.subList(from, Math.min(near.size(), from + max * 2));
            Map<String, ActivityView> views = catalog.byRefs(part);
            part.stream().filter(r -> views.containsKey(r) && Permissions.canRead(caller, views.get(r)))
                    .limit(max - readable.size()).forEach(readable::add);
        }
        return readable;
    }

    /** The departments a typed name means: the one with that name, else those whose name starts with it. */
    static List<String> departmentsMeant(String typed, List<String> names) {
        String key = CommandParser.normalize(typed);
        List<String> exact = names.stream().filter(n -> CommandParser.normalize(n).equals(key)).toList();
        if (!exact.isEmpty() || key.isEmpty()) {
            return exact;
        }
        return names.stream().filter(n -> CommandParser.normalize(n).startsWith(key)).toList();
    }

    /** Up to {@code max} of {@code candidates} within a few typos of {@code typed}, nearest first. */
    static List<String> similar(String typed, List<String> candidates, int max) {
        String key = CommandParser.normalize(typed);
        int allowed = Math.max(1, Math.min(3, key.length() / 4));
        return candidates.stream()
                .map(c -> Map.entry(c, CommandParser.distance(key, CommandParser.normalize(c))))
                .filter(e -> e.getValue() <= allowed)
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).toList();
    }

    /** Who reported: the person's name, else the name the report was made under (an API token's). */
    private String reporter(StatusReport report) {
        return Optional.ofNullable(report.reporterId()).flatMap(people::findById).map(Person::name)
                .or(() -> people.findByEmail(report.reportedBy().toLowerCase(Locale.ROOT)).map(Person::name))
                .orElse(report.reportedBy());
    }

    /** The number a status has in reminders and in the help (1–6). */
    static int number(Status status) {
        return status.ordinal() + 1;
    }

    private static Reply page(String heading, List<ActivityView> all, int page, String command,
                              java.util.function.Function<ActivityView, String> detail, Texts t) {
        if (all.isEmpty()) {
            return Reply.of(heading, t.none());
        }
        int pages = (all.size() + PAGE_SIZE - 1) / PAGE_SIZE;
        if (page > pages) {
            return Reply.of(t.pastTheEnd(page, pages, all.size(), pages == 1 ? command : command + " sida " + pages));
        }
        int shown = page;
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
