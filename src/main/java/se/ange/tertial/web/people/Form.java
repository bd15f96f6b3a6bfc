package se.ange.tertial.web.people;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.web.WebTexts;

/** What the people pages' forms share: choices, errors by field, and the words for roles and periods. */
final class Form {

    /** A choice in a list, a group of radio buttons or checkboxes. */
    record Option(String value, String label, boolean selected) {
    }

    /** One error: the id of the field it belongs to (the summary links to it) and what to do. */
    record Problem(String field, String message) {
    }

    static final List<Role> ROLES = List.of(Role.OWNER, Role.MANAGER, Role.STAB, Role.ADMIN);

    private Form() {
    }

    static Map<String, String> errors(List<Problem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
        return errors;
    }

    static String role(Role role, WebTexts t) {
        return t.get("people.role." + role.name());
    }

    static String roles(Set<Role> roles, WebTexts t) {
        return ROLES.stream().filter(roles::contains).map(role -> role(role, t)).collect(Collectors.joining(", "));
    }

    static String period(PersonAbsence absence, Language language) {
        return absence.fromDate().equals(absence.toDate()) ? Dates.full(absence.fromDate(), language)
                : Dates.full(absence.fromDate(), language) + " – " + Dates.full(absence.toDate(), language);
    }

    static @Nullable Long number(@Nullable String text) {
        if (text == null || text.isBlank() || text.strip().length() > 18) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
