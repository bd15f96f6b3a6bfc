package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jakarta.validation.constraints.NotBlank;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/**
 * An edit of an activity. PUT must give every field but {@code description} and {@code unit}; PATCH gives
 * only what changes. {@code goal} is a KS goal reference of the activity's plan year.
 */
@Serdeable
public record ActivityChanges(@Nullable @Size(min = 1, max = Limits.TITLE) String title,
                              @Nullable @Size(max = Limits.DESCRIPTION) String description,
                              @Nullable LocalDate startDate, @Nullable LocalDate endDate,
                              @Nullable @Size(min = 1, max = Limits.GOAL_REF) String goal,
                              @Nullable @Size(max = 10) String source,
                              @Nullable @Size(min = 1, max = Limits.DEPARTMENT) String department,
                              @Nullable @Size(max = Limits.UNIT) String unit,
                              @Nullable @Size(min = 1, max = 100)
                              List<@NotBlank @Email @Size(max = Limits.EMAIL) String> owners) {

    /** Whether this edit touches nothing but the owners (what a manager may change). */
    boolean onlyOwners() {
        return owners != null && title == null && description == null && startDate == null && endDate == null
                && goal == null && source == null && department == null && unit == null;
    }

    void requireComplete() {
        List<ProblemError> missing = new ArrayList<>();
        check(missing, title, "title");
        check(missing, startDate, "startDate");
        check(missing, endDate, "endDate");
        check(missing, goal, "goal");
        check(missing, source, "source");
        check(missing, department, "department");
        check(missing, owners, "owners");
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("PUT ersätter hela aktiviteten; använd PATCH för att ändra delar", missing);
        }
    }

    private static void check(List<ProblemError> missing, Object value, String field) {
        if (value == null) {
            missing.add(ProblemError.atField(field, "krävs"));
        }
    }

    ActivityData applyTo(ActivityData current, boolean replaceAll) {
        Limits.date("startDate", startDate);
        Limits.date("endDate", endDate);
        ActivityData merged = new ActivityData(current.ref(), pick(title, current.title()),
                replaceAll ? description : pick(description, current.description()),
                pick(startDate, current.startDate()), pick(endDate, current.endDate()), current.goalYear(),
                pick(goal, current.goalRef()), pick(source(source), current.source()), pick(department, current.department()),
                replaceAll ? unit : pick(unit, current.unit()), pick(owners, current.owners()));
        if (merged.endDate().isBefore(merged.startDate())) {
            throw ProblemException.invalidField("endDate", "Slutdatum %s ligger före startdatum %s"
                    .formatted(merged.endDate(), merged.startDate()));
        }
        return merged;
    }

    /** KS or UNIT (any case), or 422 naming the field: read here rather than by the JSON decoder, which cannot name it. */
    static @Nullable ActivitySource source(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return ActivitySource.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("source", "source är KS eller UNIT (enhetens egen)");
        }
    }

    private static <T> T pick(T changed, T current) {
        return changed != null ? changed : current;
    }
}
