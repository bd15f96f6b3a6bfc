package se.ange.tertial.register.goal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import se.ange.tertial.followup.MeasureDirection;

/**
 * Mått: a measure of a KS goal, e.g. "Sjukfrånvaro (%)" from a baseline of 12.49 (as of 2023-09-30) toward a
 * target of 10, decreasing. Outcomes per tertial are {@link MeasureOutcome}s. (The table's old
 * {@code outcome}/{@code as_of} columns were moved into the baseline by V38 and are no longer written.)
 */
@MappedEntity("measure")
public record Measure(@Id @GeneratedValue @Nullable Long id, Long goalId, String name, @Nullable String unit,
                      @Nullable BigDecimal baseline, @Nullable LocalDate baselineAsOf, @Nullable BigDecimal target,
                      MeasureDirection direction) {
}
