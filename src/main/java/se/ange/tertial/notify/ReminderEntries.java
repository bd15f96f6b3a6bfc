package se.ange.tertial.notify;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.followup.AskedTertial;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;

/** What a chat reminder shows: each activity of a message once, with the tertial it is to be reported for. */
@Singleton
public class ReminderEntries {

    /** An activity in a reminder and the tertial asked for. */
    public record Entry(ActivityView activity, String tertial) {

        /** The newest report for that tertial, if one has been made. */
        public Optional<StatusReport> reported() {
            return activity.reports().stream().filter(r -> r.tertial().equals(tertial)).reduce((a, b) -> b);
        }
    }

    private final ActivityCatalog catalog;
    private final AskedTertial asked;
    private final Clock clock;

    ReminderEntries(ActivityCatalog catalog, AskedTertial asked, Clock clock) {
        this.asked = asked;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Reminders about an activity's own end date carry no tertial: the one its owner is asked about is shown. */
    public List<Entry> of(List<ReminderItemRow> rows) {
        return of(rows, catalog.byRefs(rows.stream().map(ReminderItemRow::activityRef).toList()));
    }

    /** As {@link #of(List)}, from the rows' {@code activities} already read (by reference). */
    public List<Entry> of(List<ReminderItemRow> rows, Map<String, ActivityView> activities) {
        LocalDate today = LocalDate.now(clock);
        return rows.stream().map(ReminderItemRow::activityRef).distinct()
                .map(ref -> Optional.ofNullable(activities.get(ref)).map(view -> new Entry(view, rows.stream()
                        .filter(r -> r.activityRef().equals(ref) && r.tertial() != null).map(ReminderItemRow::tertial)
                        .findFirst().orElseGet(() -> asked.forActivity(today, view.facts()).toString()))))
                .flatMap(Optional::stream).toList();
    }
}
