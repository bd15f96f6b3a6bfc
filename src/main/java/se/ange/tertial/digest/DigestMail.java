package se.ange.tertial.digest;

import jakarta.inject.Singleton;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.thymeleaf.context.Context;
import se.ange.tertial.followup.DeviationKind;
import se.ange.tertial.followup.Language;
import se.ange.tertial.mail.MailTemplates;
import se.ange.tertial.register.org.Person;

/**
 * The digest as subject, plain text (also what chat shows) and HTML, in the person's language, from
 * {@code mail/digest.*}: a manager's deviations by goal with what is new and what was resolved; stab's
 * counts per department and this week's new deviations.
 */
@Singleton
class DigestMail {

    /** A rendered digest. */
    record Rendered(String subject, String text, String html) {
    }

    /** A line as shown: the deviations in words, dates in the person's format. */
    record Shown(String ref, String title, String owners, String start, String end, String kinds, String comment,
                 boolean isNew, String marker) {
    }

    /** A goal as shown. */
    record ShownGoal(String ref, String title, List<Shown> lines) {
    }

    /** A department's counts as shown, in the order of the kinds. */
    record ShownCount(String department, int activities, int withDeviation, List<Integer> byKind) {
    }

    private final MailTemplates templates = new MailTemplates("digest");
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
                        .map(line -> shown(line, language, texts)).toList()))
                .filter(goal -> !goal.lines().isEmpty())
                .toList();
        String subject = MessageFormat.format(texts.getString(stab ? "subject.stab" : "subject.manager"),
                MailTemplates.date(digest.on(), language), digest.lineCount(), digest.newCount(), digest.resolved().size());
        Context context = new Context(MailTemplates.locale(language));
        context.setVariable("lang", MailTemplates.locale(language).getLanguage());
        context.setVariable("name", name);
        context.setVariable("subject", subject);
        context.setVariable("stab", stab);
        context.setVariable("on", MailTemplates.date(digest.on(), language));
        context.setVariable("goals", goals);
        context.setVariable("total", digest.lineCount());
        context.setVariable("newCount", digest.newCount());
        context.setVariable("resolved", digest.resolved().stream()
                .map(r -> r.ref() + " " + r.title() + " – " + r.kind().label(language)).toList());
        context.setVariable("kinds", Arrays.stream(DeviationKind.values()).map(k -> k.label(language)).toList());
        context.setVariable("departments", digest.departments().stream()
                .map(d -> new ShownCount(d.department(), d.activities(), d.withDeviation(),
                        Arrays.stream(DeviationKind.values()).map(k -> d.byKind().getOrDefault(k, 0)).toList()))
                .toList());
        return new Rendered(subject, templates.text(context), templates.html(context));
    }

    private Shown shown(Digest.Line line, Language language, ResourceBundle texts) {
        return new Shown(line.ref(), line.title(), String.join(", ", line.owners()),
                MailTemplates.date(line.startDate(), language), MailTemplates.date(line.endDate(), language),
                line.kinds().stream().map(k -> k.label(language)
                        + (k == DeviationKind.MISSING_REPORT && line.missingFor() != null ? " (" + line.missingFor() + ")" : ""))
                        .collect(Collectors.joining("; ")),
                line.lastComment(), line.isNew(), line.isNew() ? "[" + texts.getString("new") + "] " : "");
    }
}
