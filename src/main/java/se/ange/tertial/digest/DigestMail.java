package se.ange.tertial.digest;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.thymeleaf.context.Context;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.followup.DeviationKind;
import se.ange.tertial.followup.Language;
import se.ange.tertial.mail.MailTemplates;
import se.ange.tertial.system.WebConfig;
import se.ange.tertial.register.org.Person;

/**
 * The digest as subject, plain text (also what chat shows) and HTML, in the person's language, from
 * {@code mail/digest.*}: a manager's deviations by goal with what is new and what was resolved; stab's
 * counts per department and this week's new deviations. A manager's digest links each activity to its page on
 * the web; stab's (the whole municipality, long already) links once to the list of activities.
 */
@Singleton
class DigestMail {

    /** A rendered digest. */
    record Rendered(String subject, String text, String html) {
    }

    /** A line as shown: the deviations in words, dates in the person's format. */
    record Shown(String ref, String title, String department, String owners, String start, String end, String kinds,
                 String comment, boolean isNew, String marker, String link) {
    }

    /** A goal as shown. */
    record ShownGoal(String ref, String title, List<Shown> lines) {
    }

    /**
     * A department's counts as shown, in the order of the kinds; {@code explained} the same in words for the
     * text part ("3 av 10 aktiviteter har avvikelser: 2 försenade, 1 utan status för tertialet").
     */
    record ShownCount(String department, int activities, int withDeviation, List<Integer> byKind, String explained) {
    }

    private final MailTemplates templates = new MailTemplates("digest");
    private final WebConfig web;

    @Inject
    DigestMail(WebConfig web) {
        this.web = web;
    }

    /** With links to the default address (tests that need no application context). */
    DigestMail() {
        this(WebConfig.at("http://localhost:8080"));
    }

    Rendered render(Person person, DigestRun.Prepared prepared) {
        return render(person.name(), person.language(), prepared);
    }

    /** For a team's channel: no greeting, Swedish. */
    Rendered renderForChannel(DigestRun.Prepared prepared) {
        return render(null, Language.SV, prepared);
    }

    private Rendered render(String name, Language language, DigestRun.Prepared prepared) {
        ResourceBundle texts = templates.texts(language);
        Digest digest = prepared.digest();
        boolean stab = prepared.audience() == DigestRun.Audience.STAB;
        List<ShownGoal> goals = digest.goals().stream()
                .map(goal -> new ShownGoal(goal.ref(), goal.title(), goal.lines().stream()
                        .filter(line -> !stab || line.isNew())
                        .map(line -> shown(line, language, texts, !stab)).toList()))
                .filter(goal -> !goal.lines().isEmpty())
                .toList();
        long total = digest.lineCount();
        long fresh = digest.newCount();
        int resolved = digest.resolved().size();
        String subject = MessageFormat.format(texts.getString(stab ? "subject.stab" : "subject.manager"),
                MailTemplates.date(digest.on(), language), Counted.of(total, Counted.ACTIVITY, language),
                Counted.of(fresh, Counted.NEW_DEVIATION, language), Counted.of(resolved, Counted.RESOLVED, language));
        Context context = new Context(MailTemplates.locale(language));
        context.setVariable("lang", MailTemplates.locale(language).getLanguage());
        context.setVariable("name", name == null ? null : MailTemplates.firstName(name));
        context.setVariable("subject", subject);
        context.setVariable("stab", stab);
        context.setVariable("on", MailTemplates.date(digest.on(), language));
        context.setVariable("goals", goals);
        context.setVariable("activitiesLink", web.link("/aktiviteter"));
        context.setVariable("summary", summary(texts, language, total, fresh, resolved));
        context.setVariable("resolved", digest.resolved().stream()
                .map(r -> r.ref() + " " + r.title() + " – " + r.kind().label(language)).toList());
        context.setVariable("kinds", Arrays.stream(DeviationKind.values()).map(k -> texts.getString("kind." + k.name())).toList());
        List<ShownCount> departments = digest.departments().stream()
                .map(d -> count(d.department(), d.activities(), d.withDeviation(),
                        Arrays.stream(DeviationKind.values()).map(k -> d.byKind().getOrDefault(k, 0)).toList(), texts, language))
                .toList();
        context.setVariable("departments", departments);
        context.setVariable("totals", count(texts.getString("counts.total"),
                departments.stream().mapToInt(ShownCount::activities).sum(),
                departments.stream().mapToInt(ShownCount::withDeviation).sum(),
                java.util.stream.IntStream.range(0, DeviationKind.values().length)
                        .mapToObj(i -> departments.stream().mapToInt(d -> d.byKind().get(i)).sum()).toList(), texts, language));
        return new Rendered(subject, templates.text(context), templates.html(context));
    }

    /** What the counts mean, in one or two sentences. */
    private static String summary(ResourceBundle texts, Language language, long total, long fresh, int resolved) {
        String now = MessageFormat.format(texts.getString(fresh == 0 ? "summary.none.new" : fresh == 1 ? "summary.one" : "summary"),
                Counted.of(total, WITH_DEVIATION, language), Counted.of(fresh, Counted.NEW_DEVIATION, language));
        return resolved == 0 ? now : now + " " + MessageFormat.format(texts.getString(resolved == 1 ? "summary.resolved.one"
                : "summary.resolved"), Counted.of(resolved, Counted.DEVIATION, language));
    }

    private static final Counted.Noun WITH_DEVIATION = new Counted.Noun("aktivitet med avvikelse",
            "aktiviteter med avvikelser", "activity with deviations", "activities with deviations");

    private static ShownCount count(String department, int activities, int withDeviation, List<Integer> byKind,
                                    ResourceBundle texts, Language language) {
        List<String> parts = new java.util.ArrayList<>();
        DeviationKind[] kinds = DeviationKind.values();
        for (int i = 0; i < kinds.length; i++) {
            if (byKind.get(i) > 0) {
                parts.add(Counted.of(byKind.get(i), texts.getString("count." + kinds[i].name() + ".one"),
                        texts.getString("count." + kinds[i].name() + ".many")));
            }
        }
        String explained = MessageFormat.format(texts.getString(withDeviation == 1 ? "counts.line.one" : "counts.line"),
                department, withDeviation, Counted.of(activities, Counted.ACTIVITY, language))
                + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
        return new ShownCount(department, activities, withDeviation, byKind, explained);
    }

    /** {@code linked}: with the activity's page (a manager's digest; stab's is long, it links to the list once). */
    private Shown shown(Digest.Line line, Language language, ResourceBundle texts, boolean linked) {
        return new Shown(line.ref(), line.title(), line.department(), String.join(", ", line.owners()),
                MailTemplates.date(line.startDate(), language), MailTemplates.date(line.endDate(), language),
                line.kinds().stream().map(k -> k.label(language)
                        + (k == DeviationKind.MISSING_REPORT && line.missingFor() != null ? " (" + line.missingFor() + ")" : ""))
                        .collect(Collectors.joining("; ")),
                line.lastComment(), line.isNew(), line.isNew() ? "[" + texts.getString("new") + "] " : "",
                linked ? web.link("/aktiviteter/" + line.ref()) : "");
    }
}
