package se.ange.tertial.audit;

import se.ange.tertial.system.Limits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/** Writes one audit row per change, in the caller's transaction. */
@Singleton
public class AuditLog {

    private final AuditRepository entries;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(AuditRepository entries, ObjectMapper json, Clock clock) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
    }

    public AuditEntry record(Actor actor, String action, String subject, @Nullable Long activityId,
                             @Nullable Object before, @Nullable Object after) {
        return entries.save(entry(actor, action, subject, activityId, before, after));
    }

    /** The audit subject of an activity: {@code activity:KS2024-017}. */
    public static String activitySubject(String ref) {
        return "activity:" + ref.trim();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The audit row {@link #record} writes, not yet written: for a write that stores it with its own rows in one
     * statement (a status report, {@code register.activity.ReportWrites}).
     */
    public AuditEntry entry(Actor actor, String action, String subject, @Nullable Long activityId,
                            @Nullable Object before, @Nullable Object after) {
        // the columns' sizes (V1, V2): a subject built from outside input (a mail's Message-ID) is cut, not refused
        return new AuditEntry(null, clock.instant(), Limits.fit(actor.name(), 320), actor.channel(), action,
                Limits.fit(subject, 100), activityId, toJson(before), toJson(after), Limits.fit(actor.credential(), 100));
    }
}
