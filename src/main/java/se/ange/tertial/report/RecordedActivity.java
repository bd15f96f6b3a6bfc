package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;
import se.ange.tertial.followup.Status;

/**
 * One activity as it stood when its tertial was closed, with its department's and unit's names then
 * ({@code departmentName} null only in records closed before those were kept), its description and whether
 * it was the department's own ({@code own} null in records closed before those were kept).
 */
@MappedEntity("tertial_record_activity")
record RecordedActivity(@Id @GeneratedValue @Nullable Long id, Long recordId, Long activityId, String ref,
                        String title, Long goalId, Long departmentId, @Nullable Long unitId, LocalDate startDate,
                        LocalDate endDate, @Nullable Status status, @Nullable String comment,
                        @Nullable String reportedFor, @Nullable String departmentName,
                        @Nullable String unitName, @Nullable String description, @Nullable Boolean own) {
}
