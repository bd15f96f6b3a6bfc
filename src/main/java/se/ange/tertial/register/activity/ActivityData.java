package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * An activity's editable content by name rather than by id: what an import row or an edit says, and
 * what the audit log shows before and after a change. Owners are lower-case e-mails, sorted.
 */
@Serdeable
public record ActivityData(String ref, String title, @Nullable String description, LocalDate startDate,
                           LocalDate endDate, int goalYear, String goalRef, ActivitySource source,
                           String department, @Nullable String unit, List<String> owners) {

    public ActivityData {
        owners = owners.stream().map(e -> e.trim().toLowerCase(java.util.Locale.ROOT)).distinct().sorted().toList();
        description = description == null || description.isBlank() ? null : description;
        unit = unit == null || unit.isBlank() ? null : unit.trim();
    }

    public static ActivityData of(ActivityView view) {
        Activity a = view.activity();
        return new ActivityData(a.ref(), a.title(), a.description(), a.startDate(), a.endDate(), view.goal().year(),
                view.goal().ref(), a.source(), view.department(), view.unit(),
                view.owners().stream().map(p -> p.email()).toList());
    }
}
