package se.ange.tertial.followup;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the assessment needs of one measure (mått) in a tertial: where it started, where it should get, which
 * way is better, and the latest outcome (null while none is reported). Baseline and target may be missing.
 */
public record MeasureFacts(String name, BigDecimal baseline, BigDecimal target, MeasureDirection direction,
                           BigDecimal outcome) {

    public MeasureFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
    }

    /** The outcome is at or past the target, in the measure's direction. */
    public boolean reached() {
        return outcome != null && target != null && better(outcome, target) >= 0;
    }

    /** The outcome has moved from the baseline the right way (strictly: standing still is no improvement). */
    public boolean improved() {
        return outcome != null && baseline != null && better(outcome, baseline) > 0;
    }

    public boolean hasOutcome() {
        return outcome != null;
    }

    /** Positive when {@code a} is better than {@code b} in the direction, 0 when equal (scale ignored). */
    private int better(BigDecimal a, BigDecimal b) {
        int compared = a.compareTo(b);
        return direction == MeasureDirection.INCREASE ? compared : -compared;
    }
}
