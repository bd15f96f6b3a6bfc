package se.ange.tertial.register.goal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Mått: a measure of a goal, e.g. "Sjukfrånvaro (%)" 12.49 as of 2023-09-30. */
@MappedEntity("measure")
public record Measure(@Id @GeneratedValue @Nullable Long id, Long goalId, String name, @Nullable String unit,
                      @Nullable BigDecimal outcome, @Nullable LocalDate asOf) {
}
