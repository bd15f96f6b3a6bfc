package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("person_role")
public record PersonRole(@Id @GeneratedValue @Nullable Long id, Long personId, Role role) {
}
