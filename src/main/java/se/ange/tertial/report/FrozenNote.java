package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Who closed a tertial and when, in words for a report's front ("Låst 2024-05-15 06:00 av Sara Lindqvist"). */
final class FrozenNote {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private FrozenNote() {
    }

    /** Null while the tertial is open (the report is preliminary). */
    @Nullable
    static String of(TertialState state, ZoneId zone) {
        TertialState.Frozen frozen = state.frozen();
        if (frozen == null) {
            return null;
        }
        return "Låst %s av %s%s".formatted(STAMP.format(frozen.at().atZone(zone)), frozen.by(),
                frozen.automatic() ? " (automatiskt)" : "");
    }
}
