package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.report.ReportParts.ActivityRow;

/**
 * An activity as both report kinds print it: status with symbol ("Ej rapporterad" when nothing was
 * reported), the note the reader must know beside the status, and what changed since the previous tertial.
 * Plain Java.
 */
final class ActivityRows {

    static final String UNREPORTED = "Ej rapporterad";
    static final String UNREPORTED_SYMBOL = "–";

    /** Plan activities before the department's own ones, then by reference (the seeds keep the plan's order). */
    static final Comparator<ActivityState> ORDER = Comparator.comparing(ActivityState::own)
            .thenComparing(ActivityState::ref);

    private final Tertial tertial;
    private final Map<Long, ActivityState> before;

    /** @param previous the previous tertial's state, for the changes (null: none shown) */
    ActivityRows(Tertial tertial, @Nullable TertialState previous) {
        this.tertial = tertial;
        this.before = previous == null ? Map.of() : previous.activities().stream()
                .collect(Collectors.toMap(ActivityState::activityId, Function.identity(), (a, b) -> a));
    }

    /** The rows of some activities, in {@link #ORDER}. */
    List<ActivityRow> rows(List<ActivityState> activities) {
        return activities.stream().sorted(ORDER).map(this::row).toList();
    }

    ActivityRow row(ActivityState now) {
        return new ActivityRow(now.ref(), now.title(), now.unit(), now.department(), blankToNull(now.description()),
                now.own(), now.status(), now.status() == null ? UNREPORTED : now.status().swedish(),
                now.status() == null ? UNREPORTED_SYMBOL : now.status().symbol(), now.startDate(), now.endDate(),
                blankToNull(now.comment()), note(now), changes(now, before.get(now.activityId())));
    }

    /**
     * "Senast rapporterad för tertial 1 2024" when the status is from an earlier tertial; "Rapporterad före
     * planerad start 1 september 2024" when it was reported for a tertial that closed before the planned start (work began
     * early: the status stands, the planned start stays visible). Both, joined, when both hold.
     */
    @Nullable
    String note(ActivityState activity) {
        List<String> notes = new ArrayList<>();
        Tertial reportedFor = activity.reportedFor();
        if (activity.status() != null && reportedFor != null) {
            if (!reportedFor.equals(tertial)) {
                notes.add("Senast rapporterad för tertial " + reportedFor.number() + " " + reportedFor.year());
            }
            if (reportedFor.closingDate().isBefore(activity.startDate())) {
                notes.add("Rapporterad före planerad start " + Dates.full(activity.startDate(), Language.SV));
            }
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private static List<String> changes(ActivityState now, @Nullable ActivityState then) {
        if (then == null) {
            return List.of();
        }
        List<String> changes = new ArrayList<>();
        if (then.status() != null && now.status() != null && then.status() != now.status()) {
            changes.add("Status ändrad: %s → %s".formatted(then.status().swedish(), now.status().swedish()));
        }
        if (!then.endDate().equals(now.endDate())) {
            changes.add("Slutdatum flyttat: %s → %s".formatted(then.endDate(), now.endDate()));
        }
        return List.copyOf(changes);
    }

    @Nullable
    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
