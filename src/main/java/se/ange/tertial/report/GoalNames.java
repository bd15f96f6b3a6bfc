package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalArea;

/**
 * What a report shows of a KS goal: its plan year, reference, title and goal area, and its KF goal. Read live
 * while a tertial is open, copied into the record when it closes (so a closed tertial's report keeps them).
 * A KS goal without a KF goal stands for itself ({@code kfId} its own id).
 */
public record GoalNames(long goalId, int year, String ref, String title, @Nullable String area, long kfId,
                        String kfRef, String kfTitle) {

    /** Every goal of the register by id, with its KF goal and area resolved. */
    public static Map<Long, GoalNames> of(Iterable<Goal> goals, Iterable<GoalArea> areas) {
        Map<Long, Goal> goalsById = StreamSupport.stream(goals.spliterator(), false)
                .collect(Collectors.toMap(Goal::id, Function.identity()));
        Map<Long, String> areaNames = StreamSupport.stream(areas.spliterator(), false)
                .collect(Collectors.toMap(GoalArea::id, GoalArea::name));
        return of(goalsById, areaNames);
    }

    public static Map<Long, GoalNames> of(Map<Long, Goal> goalsById, Map<Long, String> areaNames) {
        Map<Long, GoalNames> names = new HashMap<>();
        goalsById.values().forEach(goal -> names.put(goal.id(), of(goal, goalsById, areaNames)));
        return names;
    }

    static GoalNames of(Goal ks, Map<Long, Goal> goalsById, Map<Long, String> areaNames) {
        Goal kf = ks.parentId() == null ? ks : goalsById.getOrDefault(ks.parentId(), ks);
        return new GoalNames(ks.id(), ks.year(), ks.ref(), ks.title(),
                ks.goalAreaId() == null ? null : areaNames.get(ks.goalAreaId()), kf.id(), kf.ref(), kf.title());
    }
}
