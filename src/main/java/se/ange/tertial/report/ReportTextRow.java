package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A report text section as written by stab or a manager, or frozen at the close. {@code scopeKey}: the
 * department's id, or {@link ReportTexts#BOARD} for the board's report (see V39).
 */
@MappedEntity("report_text")
record ReportTextRow(@Id @GeneratedValue @Nullable Long id, String kind, String tertial, @Nullable Long departmentId,
                     String scopeKey, String section, String body, String updatedBy, Instant updatedAt) {
}
