package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("activity_owner")
public record ActivityOwner(@Id @GeneratedValue @Nullable Long id, Long activityId, Long personId) {
}
