package se.ange.tertial.web.plan;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import se.ange.tertial.register.activity.ActivityData;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.NewActivities;
import se.ange.tertial.system.Limits;
import se.ange.tertial.web.WebTexts;

/**
 * The activity form as typed: every field kept as text so a refused form comes back as it was, read into the
 * register's {@link ActivityData} with each problem at its field (the ids the error summary links to). The
 * rules themselves (goal, department, owners known, ref free) are the services'; this reads only the shape.
 */
record ActivityForm(String ref, String title, String description, String goal, String source, String department,
                    String unit, String start, String end, Set<String> owners, String ownerEmails) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static ActivityForm of(Map<String, Object> body) {
        return new ActivityForm(one(body, "ref"), one(body, "title"), one(body, "description"), one(body, "goal"),
                one(body, "source"), one(body, "department"), one(body, "unit"), one(body, "start"), one(body, "end"),
                new LinkedHashSet<>(all(body, "owner")), one(body, "ownerEmails"));
    }

    static ActivityForm of(ActivityData data) {
        return new ActivityForm(data.ref(), data.title(), data.description() == null ? "" : data.description(),
                data.goalRef(), data.source().name(), data.department(), data.unit() == null ? "" : data.unit(),
                data.startDate().toString(), data.endDate().toString(), new LinkedHashSet<>(data.owners()), "");
    }

    static ActivityForm blank(String ref, String goal, String source, String department) {
        return new ActivityForm(ref, "", "", goal, source, department, "", "", "", Set.of(), "");
    }

    /** The data, or null with {@code errors} (field id → message) filled. */
    @Nullable ActivityData read(int year, WebTexts t, Map<String, String> errors) {
        String cleanRef = ref.strip();
        if (cleanRef.isEmpty()) {
            errors.put("a-ref", t.get("plan.form.ref.missing"));
        } else if (NewActivities.badRef(cleanRef) != null) {
            errors.put("a-ref", t.get("plan.form.ref.bad"));
        }
        if (title.isBlank()) {
            errors.put("a-title", t.get("plan.form.title.missing"));
        } else if (title.strip().length() > Limits.TITLE) {
            errors.put("a-title", t.format("plan.form.tooLong", Limits.TITLE));
        }
        if (description.length() > Limits.DESCRIPTION) {
            errors.put("a-description", t.format("plan.form.tooLong", Limits.DESCRIPTION));
        }
        if (goal.isBlank()) {
            errors.put("a-goal", t.get("plan.form.goal.missing"));
        }
        ActivitySource origin = "KS".equals(source) ? ActivitySource.KS : "UNIT".equals(source) ? ActivitySource.UNIT : null;
        if (origin == null) {
            errors.put("a-source", t.get("plan.form.source.missing"));
        }
        if (department.isBlank()) {
            errors.put("a-department", t.get("plan.form.department.missing"));
        }
        if (unit.strip().length() > Limits.UNIT) {
            errors.put("a-unit", t.format("plan.form.tooLong", Limits.UNIT));
        }
        LocalDate first = date(start, "a-start", t, errors);
        LocalDate last = date(end, "a-end", t, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.put("a-end", t.get("plan.form.end.beforeStart"));
        }
        List<String> emails = emails();
        if (emails.isEmpty()) {
            errors.put("a-owners", t.get("plan.form.owners.missing"));
        }
        emails.stream().filter(e -> !EMAIL.matcher(e).matches() || e.length() > Limits.EMAIL).findFirst()
                .ifPresent(e -> errors.put("a-owner-emails", t.format("plan.form.owners.bad", Limits.fit(e, 60))));
        if (!errors.isEmpty()) {
            return null;
        }
        return new ActivityData(cleanRef, title.strip(), description.isBlank() ? null : description.strip(), first, last,
                year, goal.strip(), origin, department.strip(), unit.isBlank() ? null : unit.strip(), emails);
    }

    /** The picked owners and the typed e-mails, together. */
    List<String> emails() {
        Set<String> all = new LinkedHashSet<>();
        owners.stream().map(String::strip).filter(e -> !e.isEmpty()).forEach(e -> all.add(e.toLowerCase(Locale.ROOT)));
        for (String typed : ownerEmails.split("[,;\\s]+")) {
            if (!typed.isBlank()) {
                all.add(typed.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(all);
    }

    private static @Nullable LocalDate date(String text, String field, WebTexts t, Map<String, String> errors) {
        if (text.isBlank()) {
            errors.put(field, t.get("plan.form.date.missing"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (Limits.dateInRange(date)) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // told below
        }
        errors.put(field, t.get("plan.form.date.bad"));
        return null;
    }

    static String one(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value instanceof Collection<?> many) {
            value = many.isEmpty() ? null : many.iterator().next();
        }
        return value == null ? "" : value.toString();
    }

    static List<String> all(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of(value.toString());
    }

    /** Errors in the order of the form, for the summary. */
    static Map<String, String> ordered(Map<String, String> errors) {
        List<String> order = List.of("a-ref", "a-title", "a-description", "a-goal", "a-source", "a-department",
                "a-unit", "a-start", "a-end", "a-owners", "a-owner-emails", "form");
        Map<String, String> sorted = new LinkedHashMap<>();
        order.forEach(key -> {
            if (errors.containsKey(key)) {
                sorted.put(key, errors.get(key));
            }
        });
        errors.forEach(sorted::putIfAbsent);
        return sorted;
    }
}
