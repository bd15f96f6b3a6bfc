package se.ange.tertial.register.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The link from an activity of one year's plan to its copy in the next year's plan. */
@MappedEntity("activity_copy")
record ActivityCopy(@Id @GeneratedValue @Nullable Long id, Long sourceActivityId, Long copyActivityId, int toYear,
                    Instant copiedAt) {
}
