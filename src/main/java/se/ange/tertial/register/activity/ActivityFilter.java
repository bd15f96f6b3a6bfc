package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;

/**
 * The filters of {@code GET /api/activities}; every one given must match. {@code goal} matches a KS goal
 * and, as a prefix, every KS goal under a KF goal ("3.4" matches 3.4.1 … 3.4.3). Date filters read the
 * history up to the tertial of that date (see {@link ActivityView#factsUpTo}).
 */
public record ActivityFilter(@Nullable String department, @Nullable String unit, @Nullable String owner,
                             @Nullable Status status, @Nullable String goal, @Nullable Tertial tertial,
                             @Nullable LocalDate deviationsOn, @Nullable LocalDate overdueOn) {

    public boolean matches(ActivityView view, DeviationRules rules) {
        return (department == null || department.equalsIgnoreCase(view.department()))
                && (unit == null || unit.equalsIgnoreCase(view.unit()))
                && (owner == null || view.isOwnedBy(owner))
                && (status == null || status == view.activity().status())
                && (goal == null || view.goal().ref().equals(goal) || view.goal().ref().startsWith(goal + "."))
                && (tertial == null || view.facts().isActiveIn(tertial))
                && (deviationsOn == null
                    || !rules.deviationsOn(view.factsUpTo(Tertial.containing(deviationsOn)), deviationsOn).isEmpty())
                && (overdueOn == null || view.factsUpTo(Tertial.containing(overdueOn)).isOverdueOn(overdueOn));
    }

    /**
     * Free-text search, the same for every surface: the words of {@code text} (ignoring case) each appear
     * in the reference, the title or the description. A blank text matches everything.
     */
    public static boolean mentions(ActivityView view, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String haystack = (view.ref() + "\n" + view.activity().title() + "\n"
                + (view.activity().description() == null ? "" : view.activity().description()))
                .toLowerCase(java.util.Locale.ROOT);
        return java.util.Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).strip().split("\\s+"))
                .allMatch(haystack::contains);
    }
}
