package se.ange.tertial.register.goal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Målområde: Barn och Unga, Vuxna, Äldre +65, Tillväxt, … */
@MappedEntity("goal_area")
public record GoalArea(@Id @GeneratedValue @Nullable Long id, String name) {
}
