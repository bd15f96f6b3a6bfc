package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import se.ange.tertial.followup.ActivityFacts;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.org.Person;

/** An activity with what it refers to resolved: its goals, organisation, owners and history (oldest first). */
public record ActivityView(Activity activity, Goal goal, @Nullable Goal kfGoal, String department,
                           @Nullable String unit, List<Person> owners, List<StatusReport> reports,
                           @Nullable Integer continuedAfterYear) {

    /** An activity not copied into a later plan. */
    public ActivityView(Activity activity, Goal goal, @Nullable Goal kfGoal, String department, @Nullable String unit,
                        List<Person> owners, List<StatusReport> reports) {
        this(activity, goal, kfGoal, department, unit, owners, reports, null);
    }

    public String ref() {
        return activity.ref();
    }

    public ActivityFacts facts() {
        return new ActivityFacts(activity.ref(), activity.startDate(), activity.endDate(),
                reports.stream().map(StatusReport::toFact).toList(), continuedAfterYear);
    }

    /**
     * The facts as of a tertial: reports for later tertials are left out, late reports for it and earlier
     * ones count. So asking about 2024-T1 today gives 2024-T1's picture, whenever its reports arrived.
     */
    public ActivityFacts factsUpTo(Tertial tertial) {
        return new ActivityFacts(activity.ref(), activity.startDate(), activity.endDate(), reports.stream()
                .filter(r -> !Tertial.parse(r.tertial()).isAfter(tertial)).map(StatusReport::toFact).toList(), continuedAfterYear);
    }

    public boolean isOwnedBy(String email) {
        return owners.stream().anyMatch(p -> p.email().equalsIgnoreCase(email.trim()));
    }
}
