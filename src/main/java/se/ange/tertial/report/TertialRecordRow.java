package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A closed tertial: frozen when, by whom, and whether by the daily check. */
@MappedEntity("tertial_record")
record TertialRecordRow(@Id @GeneratedValue @Nullable Long id, String tertial, Instant frozenAt, String frozenBy,
                        boolean automatic) {
}
