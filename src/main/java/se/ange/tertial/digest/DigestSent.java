package se.ange.tertial.digest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/** A digest made for a person's week (sent, or found empty): what it listed, one per person and week. */
@MappedEntity("digest_sent")
record DigestSent(@Id @GeneratedValue @Nullable Long id, Long personId, LocalDate weekStart, LocalDate sentOn,
                  String deviationKeys, @Nullable Long outboxId) {
}
