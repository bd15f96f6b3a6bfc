package se.ange.tertial.register.goal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A measure's outcome for one tertial ({@code 2024-T1}) and who reported it when. One per measure and tertial:
 * a new report replaces it, the audit log keeps the earlier ones.
 */
@MappedEntity("measure_outcome")
public record MeasureOutcome(@Id @GeneratedValue @Nullable Long id, Long measureId, String tertial,
                             BigDecimal outcome, @Nullable String comment, String reportedBy,
                             @Nullable Long reporterId, Instant reportedAt) {
}
