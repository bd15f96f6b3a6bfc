package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import se.ange.tertial.followup.MeasureDirection;
import se.ange.tertial.followup.Tertial;

/**
 * One measure (mått) of a KS goal as it stood in a tertial: baseline, target and the latest outcome reported
 * for that tertial or an earlier one ({@code outcome} null while none is). From the frozen record of a closed
 * tertial, else live.
 *
 * @param outcomeFor the tertial the outcome was reported for
 */
public record MeasureState(long measureId, long goalId, String name, @Nullable String unit,
                           @Nullable BigDecimal baseline, @Nullable BigDecimal target, MeasureDirection direction,
                           @Nullable BigDecimal outcome, @Nullable Tertial outcomeFor,
                           @Nullable String reportedBy, @Nullable Instant reportedAt) {
}
