package se.ange.tertial.register.goal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A KF or KS goal of one year, e.g. KS 3.4.3 under KF 3.4. */
@MappedEntity("goal")
public record Goal(@Id @GeneratedValue @Nullable Long id, GoalLevel level, String ref, String title,
                   @MappedProperty("plan_year") int year,
                   @Nullable Long parentId, @Nullable Long goalAreaId) {

    public Goal withTitleAndArea(String newTitle, @Nullable Long areaId) {
        return new Goal(id, level, ref, newTitle, year, parentId, areaId);
    }
}
