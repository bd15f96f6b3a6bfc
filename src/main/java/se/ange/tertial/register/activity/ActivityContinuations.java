package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.util.HashMap;
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
        String sql = "SELECT source_activity_id, MIN(to_year) FROM activity_copy"
                + (activityId == null ? "" : " WHERE source_activity_id = ?") + " GROUP BY source_activity_id";
        return jdbc.prepareStatement(sql, statement -> {
            if (activityId != null) {
                statement.setLong(1, activityId);
            }
            Map<Long, Integer> lastYears = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lastYears.put(rows.getLong(1), rows.getInt(2) - 1);
                }
            }
            return lastYears;
        });
    }
}
