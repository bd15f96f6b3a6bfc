package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Activities copied into a later year's plan (the new-year copy) and the last year each is followed up in
 * itself: after that its copy carries the follow-up, so nobody is reminded of the same work twice.
 */
@Singleton
class ActivityContinuations {

    private final JdbcOperations jdbc;

    ActivityContinuations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Activity id → last year it is followed up in; all such activities, or just {@code activityId}'s. */
    @Transactional
    public Map<Long, Integer> lastYears(@Nullable Long activityId) {
        return activityId == null ? read(List.of()) : read(List.of(activityId));
    }

    /** Activity id → last year it is followed up in, for those of {@code activityIds} that are continued. */
    @Transactional
    public Map<Long, Integer> lastYearsOf(Collection<Long> activityIds) {
        return activityIds.isEmpty() ? Map.of() : read(List.copyOf(activityIds));
    }

    /** Of every continued activity when {@code ids} is empty. */
    private Map<Long, Integer> read(List<Long> ids) {
        String sql = "SELECT source_activity_id, MIN(to_year) FROM activity_copy"
                + (ids.isEmpty() ? "" : ids.size() == 1 ? " WHERE source_activity_id = ?"
                        : " WHERE source_activity_id IN (" + "?,".repeat(ids.size() - 1) + "?)")
                + " GROUP BY source_activity_id";
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 1, ids.get(i));
            }
            Map<Long, Integer> lastYears = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lastYears.put(rows.getLong(1), lastYearBefore(rows.getInt(2)));
                }
            }
            return lastYears;
        });
    }

    /** The last year an activity is followed up in itself, given the first year it was copied into. */
    static int lastYearBefore(int firstCopyYear) {
        return firstCopyYear - 1;
    }
}
