package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.org.Person;

/**
 * How an activity is put together as an {@link ActivityView}, whichever way its rows were read (the whole register,
 * a few by reference, a reminder day's selection, one joined query): its KS goal and that goal's KF goal, owners in
 * e-mail order, history in the order it was received.
 */
final class ActivityViews {

    static final Comparator<Person> OWNER_ORDER = Comparator.comparing(Person::email);
    static final Comparator<StatusReport> HISTORY_ORDER =
            Comparator.comparing(StatusReport::receivedAt).thenComparing(StatusReport::id);

    private ActivityViews() {
    }

    /** {@code goalById} holds the activity's goal and that goal's parent. */
    static ActivityView of(Activity activity, Map<Long, Goal> goalById, String department, @Nullable String unit,
                           Collection<Person> owners, Collection<StatusReport> history, @Nullable Integer lastYear) {
        Goal goal = goalById.get(activity.goalId());
        return new ActivityView(activity, goal, goal.parentId() == null ? null : goalById.get(goal.parentId()),
                department, unit, owners.stream().sorted(OWNER_ORDER).toList(),
                history.stream().sorted(HISTORY_ORDER).toList(), lastYear);
    }
}
