package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Enhet within a department, e.g. HR och Kommunikation in Staben. */
@MappedEntity("org_unit")
public record OrgUnit(@Id @GeneratedValue @Nullable Long id, Long departmentId, String name) {
}
