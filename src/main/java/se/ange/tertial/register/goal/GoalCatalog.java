package se.ange.tertial.register.goal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Finds or creates the goals a plan names, keeping titles and goal areas up to date. */
@Singleton
public class GoalCatalog {

    private final GoalRepository goals;
    private final GoalAreaRepository areas;

    GoalCatalog(GoalRepository goals, GoalAreaRepository areas) {
        this.goals = goals;
        this.areas = areas;
    }

    public Goal kfGoal(int year, String ref, String title) {
        return upsert(GoalLevel.KF, year, ref, title, null, null);
    }

    public Goal ksGoal(int year, String ref, String title, Goal parent, @Nullable String areaName) {
        Long areaId = areaName == null || areaName.isBlank() ? null
                : areas.findByName(areaName.trim()).orElseGet(() -> areas.save(new GoalArea(null, areaName.trim()))).id();
        return upsert(GoalLevel.KS, year, ref, title, parent.id(), areaId);
    }

    private Goal upsert(GoalLevel level, int year, String ref, String title, @Nullable Long parentId,
                        @Nullable Long areaId) {
        return goals.findByLevelAndYearAndRef(level, year, ref).map(existing -> {
            if (existing.title().equals(title) && java.util.Objects.equals(existing.goalAreaId(), areaId)) {
                return existing;
            }
            return goals.update(existing.withTitleAndArea(title, areaId));
        }).orElseGet(() -> goals.save(new Goal(null, level, ref, title, year, parentId, areaId)));
    }
}
