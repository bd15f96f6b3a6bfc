package se.ange.tertial.register.plan;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * What copying a year's plan into the next did: goals, measures and activities copied now or already
 * there from an earlier copy, completed activities left behind, and each activity copied now
 * ({@code endDateToSet}: its end date was in the old year, so the copy ends 31 December for stab to set).
 */
@Serdeable
public record CopyResult(int from, int to, Counts goals, Counts measures, Counts activities, int completedNotCopied,
                         List<Copied> copied) {

    @Serdeable
    public record Counts(int copied, int alreadyThere) {
    }

    @Serdeable
    public record Copied(String from, String ref, LocalDate startDate, LocalDate endDate, boolean endDateToSet) {
    }

    boolean changedAnything() {
        return goals.copied() + measures.copied() + activities.copied() > 0;
    }
}
