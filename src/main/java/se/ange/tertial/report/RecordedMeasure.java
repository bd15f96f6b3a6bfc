package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import se.ange.tertial.followup.MeasureDirection;
import se.ange.tertial.followup.Tertial;

/** One measure of a goal as it stood when its tertial was closed (see {@link MeasureState}). */
@MappedEntity("tertial_record_measure")
record RecordedMeasure(@Id @GeneratedValue @Nullable Long id, Long recordId, Long measureId, Long goalId,
                       String name, @Nullable String unit, @Nullable BigDecimal baseline,
                       @Nullable BigDecimal target, MeasureDirection direction, @Nullable BigDecimal outcome,
                       @Nullable String outcomeTertial, @Nullable String reportedBy, @Nullable Instant reportedAt) {

    static RecordedMeasure of(long recordId, MeasureState m) {
        return new RecordedMeasure(null, recordId, m.measureId(), m.goalId(), m.name(), m.unit(), m.baseline(),
                m.target(), m.direction(), m.outcome(), m.outcomeFor() == null ? null : m.outcomeFor().toString(),
                m.reportedBy(), m.reportedAt());
    }

    MeasureState state() {
        return new MeasureState(measureId, goalId, name, unit, baseline, target, direction, outcome,
                outcomeTertial == null ? null : Tertial.parse(outcomeTertial), reportedBy, reportedAt);
    }
}
