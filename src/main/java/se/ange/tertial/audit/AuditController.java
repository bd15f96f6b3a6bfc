package se.ange.tertial.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Instant;
import java.util.List;

/** The audit trail, optionally for one activity (its ref) and from a moment on (ISO-8601 instant). */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/audit")
@Secured({"STAB", "ADMIN"})
class AuditController {

    private final AuditRepository entries;

    AuditController(AuditRepository entries) {
        this.entries = entries;
    }

    @Get
    List<AuditEntry> list(@Nullable @QueryValue String activity, @Nullable @QueryValue Instant since) {
        Instant from = since == null ? Instant.EPOCH : se.ange.tertial.system.Limits.instant("since", since);
        return activity == null
                ? entries.findByOccurredAtGreaterThanEqualsOrderById(from)
                : entries.findBySubjectAndOccurredAtGreaterThanEqualsOrderById(AuditLog.activitySubject(activity), from);
    }
}
