package se.ange.tertial.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import se.ange.tertial.followup.Status;

/**
 * One activity in a reminder, and why. {@code key} identifies it for good: the same reminder is never
 * enqueued twice for the same recipient. {@code note} says e.g. on whose behalf a deputy is reminded.
 */
@Serdeable
public record ReminderItem(ReminderPurpose purpose, String step, @Nullable String tertial, String activityRef,
                           String activityTitle, LocalDate endDate, @Nullable Status status,
                           @Nullable String ownerNames, @Nullable String note) {

    public String key() {
        return purpose + "/" + (tertial == null ? "" : tertial + "/") + activityRef + "/" + step;
    }
}
