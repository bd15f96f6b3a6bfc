package se.ange.tertial.mail;

import jakarta.inject.Singleton;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.thymeleaf.context.Context;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;

/**
 * Renders a reminder as subject, plain text and HTML, in the recipient's language (Swedish by default),
 * from the templates in {@code mail/}: each activity with reference, title, end date, current status,
 * grouped by why it is there, and exactly how to answer.
 */
@Singleton
public class ReminderMail {

    /** A rendered reminder. */
    public record Rendered(String subject, String text, String html) {
    }

    /** One group of activities with its heading. */
    public record Section(String heading, List<Line> items) {
    }

    /** One activity as shown in a reminder. */
    public record Line(String ref, String title, String endDate, String status, String note) {
    }

    private final MailTemplates templates = new MailTemplates("reminder");
    private final ActivityCatalog catalog;
    ReminderMail(ActivityCatalog catalog) {
        this.catalog = catalog;
    }

    public Rendered render(Person recipient, List<ReminderItemRow> items) {
        Language language = recipient.language();
        Locale locale = MailTemplates.locale(language);
        ResourceBundle texts = templates.texts(language);
        Map<String, List<ReminderItemRow>> byHeading = new LinkedHashMap<>();
        items.stream().sorted(java.util.Comparator.comparing(ReminderItemRow::purpose))
                .forEach(item -> byHeading.computeIfAbsent(heading(texts, item, language), h -> new ArrayList<>()).add(item));
        List<Section> sections = byHeading.entrySet().stream()
                .map(e -> new Section(e.getKey(), e.getValue().stream().map(i -> line(i, texts, language)).flatMap(Optional::stream).toList()))
                .toList();
        boolean answerable = items.stream().anyMatch(i -> !i.purpose().equals("ESCALATION"));
        String subject = subject(texts, items);
        Context context = new Context(locale);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("name", recipient.name());
        context.setVariable("subject", subject);
        context.setVariable("sections", sections);
        context.setVariable("answerable", answerable);
        context.setVariable("example", items.stream().filter(i -> !i.purpose().equals("ESCALATION")).findFirst()
                .map(i -> i.activityRef() + ": " + Status.PAGAENDE_ENLIGT_PLAN.label(language) + " – "
                        + texts.getString("example.comment")).orElse(""));
        context.setVariable("statuses", Arrays.stream(Status.values()).map(s -> s.label(language)).toList());
        return new Rendered(subject, templates.text(context), templates.html(context));
    }

    private Optional<Line> line(ReminderItemRow item, ResourceBundle texts, Language language) {
        return catalog.byRef(item.activityRef()).map(view -> {
            Status status = view.activity().status();
            return new Line(item.activityRef(), view.activity().title(), date(view.activity().endDate(), language),
                    status == null ? texts.getString("status.none") : status.symbol() + " " + status.label(language),
                    item.note() == null ? "" : item.note());
        });
    }

    private static String heading(ResourceBundle texts, ReminderItemRow item, Language language) {
        String pattern = texts.getString("section." + item.purpose());
        if (item.tertial() == null) {
            return pattern;
        }
        Tertial tertial = Tertial.parse(item.tertial());
        return MessageFormat.format(pattern, tertial.toString(), date(tertial.closingDate(), language));
    }

    private static String subject(ResourceBundle texts, List<ReminderItemRow> items) {
        long activities = items.stream().map(ReminderItemRow::activityRef).distinct().count();
        boolean allReports = items.stream().allMatch(i -> i.purpose().equals("TERTIAL_REPORT"));
        boolean allEscalations = items.stream().allMatch(i -> i.purpose().equals("ESCALATION"));
        String tertial = items.stream().map(ReminderItemRow::tertial).filter(java.util.Objects::nonNull).findFirst().orElse("");
        if (allReports) {
            return MessageFormat.format(texts.getString("subject.TERTIAL_REPORT"), tertial, activities);
        }
        if (allEscalations) {
            return MessageFormat.format(texts.getString("subject.ESCALATION"), tertial);
        }
        return MessageFormat.format(texts.getString("subject.OTHER"), activities);
    }

    private static String date(LocalDate date, Language language) {
        return MailTemplates.date(date, language);
    }
}
