package se.ange.tertial.register.importer;

import io.micronaut.serde.annotation.Serdeable;

/** What an import did: rows that created, changed or left a record as it was. */
@Serdeable
public record ImportResult(int created, int updated, int unchanged) {
}
