package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A department's readiness in one tertial (V41): who marked it ready, who reviewed it, stab's note when sent back. */
@MappedEntity("department_readiness")
record ReadinessRow(@Id @GeneratedValue @Nullable Long id, String tertial, Long departmentId,
                    DepartmentReadiness.State state, @Nullable String readyBy, @Nullable Instant readyAt,
                    @Nullable String reviewedBy, @Nullable Instant reviewedAt, @Nullable String note,
                    @Nullable String noteBy, @Nullable Instant noteAt) {
}
