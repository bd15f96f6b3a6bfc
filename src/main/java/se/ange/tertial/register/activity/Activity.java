package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import se.ange.tertial.followup.Status;

/**
 * An activity toward a KS goal. {@code status} mirrors the latest status report (null before the
 * first one); it is changed only by {@link Reporting}.
 */
@MappedEntity("activity")
public record Activity(@Id @GeneratedValue @Nullable Long id, String ref, String title,
                       @Nullable String description, LocalDate startDate, LocalDate endDate, Long goalId,
                       ActivitySource source, Long departmentId, @Nullable Long unitId,
                       @Nullable Status status, Instant createdAt, Instant updatedAt) {

    public Activity withStatus(Status newStatus, Instant at) {
        return new Activity(id, ref, title, description, startDate, endDate, goalId, source, departmentId, unitId,
                newStatus, createdAt, at);
    }
}
