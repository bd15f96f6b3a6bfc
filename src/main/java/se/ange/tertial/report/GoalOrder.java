package se.ange.tertial.report;

import java.util.Comparator;
import java.util.List;

/**
 * The order of a department's goals in its uppsiktsrapport: the KS references it listed first, in its
 * order, then every other goal in plan order (reference order, 3.2 before 3.10). Plain Java.
 */
record GoalOrder(List<String> listed) {

    static final GoalOrder PLAN = new GoalOrder(List.of());

    GoalOrder {
        listed = List.copyOf(listed);
    }

    Comparator<GoalNames> comparator() {
        return Comparator.comparingInt((GoalNames goal) -> {
            int at = listed.indexOf(goal.ref());
            return at < 0 ? Integer.MAX_VALUE : at;
        }).thenComparing(GoalNames::ref, GoalRefs.ORDER).thenComparingInt(GoalNames::year);
    }
}
