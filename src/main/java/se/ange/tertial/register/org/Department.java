package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Avdelning, e.g. Staben. */
@MappedEntity("department")
public record Department(@Id @GeneratedValue @Nullable Long id, String name) {
}
