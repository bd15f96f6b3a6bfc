package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/**
 * A new activity through the API, toward the KS goal {@code goal} of the plan year {@code goalYear}.
 * {@code source} is UNIT (the department's own, the default) or KS (stab only). Every field but
 * {@code description}, {@code unit} and {@code source} is required; they are checked here rather than by the
 * JSON decoder so that a missing one is named.
 */
@Serdeable
public record NewActivity(@Nullable @Size(min = 1, max = Limits.ACTIVITY_REF) String ref,
                          @Nullable @Size(min = 1, max = Limits.TITLE) String title,
                          @Nullable @Size(max = Limits.DESCRIPTION) String description,
                          @Nullable LocalDate startDate, @Nullable LocalDate endDate,
                          @Nullable Integer goalYear,
                          @Nullable @Size(min = 1, max = Limits.GOAL_REF) String goal,
                          @Nullable @Size(max = 10) String source,
                          @Nullable @Size(min = 1, max = Limits.DEPARTMENT) String department,
                          @Nullable @Size(max = Limits.UNIT) String unit,
                          @Nullable @Size(min = 1, max = 100)
                          List<@NotBlank @Email @Size(max = Limits.EMAIL) String> owners) {

    /** The activity's data, or 422 naming every missing or invalid field. */
    ActivityData toData() {
        List<ProblemError> errors = new ArrayList<>();
        required(errors, ref, "ref");
        required(errors, title, "title");
        required(errors, startDate, "startDate");
        required(errors, endDate, "endDate");
        required(errors, goalYear, "goalYear");
        required(errors, goal, "goal");
        required(errors, department, "department");
        required(errors, owners, "owners");
        if (ref != null && NewActivities.badRef(ref.strip()) != null) {
            errors.add(ProblemError.atField("ref", NewActivities.badRef(ref.strip())));
        }
        if (title != null && title.isBlank()) {
            errors.add(ProblemError.atField("title", "title får inte vara tom"));
        }
        if (department != null && department.isBlank()) {
            errors.add(ProblemError.atField("department", "department får inte vara tom"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Aktiviteten saknar uppgifter eller har fel; inget har sparats", errors);
        }
        Limits.date("startDate", startDate);
        Limits.date("endDate", endDate);
        Limits.year("goalYear", goalYear);
        if (endDate.isBefore(startDate)) {
            throw ProblemException.invalidField("endDate", "Slutdatum %s ligger före startdatum %s"
                    .formatted(endDate, startDate));
        }
        ActivitySource origin = source == null || source.isBlank() ? ActivitySource.UNIT
                : ActivityChanges.source(source);
        return new ActivityData(ref.strip(), title.strip(), description, startDate, endDate, goalYear, goal.strip(),
                origin, department.strip(), unit, owners);
    }

    private static void required(List<ProblemError> errors, @Nullable Object value, String field) {
        if (value == null) {
            errors.add(ProblemError.atField(field, "krävs"));
        }
    }
}
