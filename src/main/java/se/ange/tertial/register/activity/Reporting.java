package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.system.Limits;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.ActivityFacts;
import se.ange.tertial.followup.AskedTertial;
import se.ange.tertial.followup.ReportFact;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.system.ProblemException;

/**
 * Records a status report: a new history row, the activity's current status when this is now the latest
 * report, and an audit row. Every channel (API, chat, e-mail, import) reports through here.
 */
@Singleton
public class Reporting {

    private final ActivityCatalog catalog;
    private final ReportWrites writes;
    private final AuditLog audit;
    private final AskedTertial asked;
    private final Clock clock;

    Reporting(ActivityCatalog catalog, ReportWrites writes, AuditLog audit, AskedTertial asked, Clock clock) {
        this.asked = asked;
        this.catalog = catalog;
        this.writes = writes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public StatusReport report(String ref, Tertial tertial, Status status, @Nullable String comment, Actor actor) {
        return report(ref, tertial, status, comment, actor, null);
    }

    /** Records a report that came from a kept e-mail reply (linked to it). */
    @Transactional
    public StatusReport report(String ref, Tertial tertial, Status status, @Nullable String comment, Actor actor,
                               @Nullable Long inboundMailId) {
        return report(check(ref, tertial), tertial, status, comment, actor, inboundMailId);
    }

    /**
     * Records a report for an activity the caller has just read for this request ({@link #check} or
     * {@link #read}, never a view from the cached register), so that it is not read a second time. The report
     * is returned as written, without its new id (not read back: see {@link ReportWrites}). No transaction of its
     * own: the write is all or nothing by itself ({@link ReportWrites}), or joins the caller's.
     */
    public StatusReport report(ActivityView view, Tertial tertial, Status status, @Nullable String comment, Actor actor,
                               @Nullable Long inboundMailId) {
        String ref = view.ref();
        requireBegun(tertial);
        catalog.changed();
        Instant now = clock.instant();
        String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
        Limits.text("comment", cleanComment, Limits.COMMENT);
        StatusReport saved = new StatusReport(null, view.activity().id(), tertial.toString(), status,
                cleanComment, actor.personId(), actor.name(), actor.channel(), now, inboundMailId);
        ActivityFacts before = view.facts();
        var previous = before.latestReport();
        Status current = new ActivityFacts(ref, null, null, append(before, saved.toFact()))
                .currentStatus().orElseThrow();
        Activity changed = current != view.activity().status() ? view.activity().withStatus(current, now) : null;
        writes.write(saved, changed, audit.entry(actor, "status.reported", AuditLog.activitySubject(ref),
                view.activity().id(), previous.map(Reporting::describe).orElse(null), describe(saved.toFact())));
        return saved;
    }

    /** The tertial owners are asked about today (see {@link AskedTertial}). */
    public Tertial askedTertial() {
        return asked.on(LocalDate.now(clock));
    }

    /** The tertial a status for this activity without an explicit tertial is for, today. */
    public Tertial askedTertial(String ref) {
        LocalDate today = LocalDate.now(clock);
        return read(ref).map(view -> asked.forActivity(today, view.facts())).orElseGet(() -> asked.on(today));
    }

    /** The tertial a status for this activity without an explicit tertial is for, today. */
    public Tertial askedTertial(ActivityView view) {
        return asked.forActivity(LocalDate.now(clock), view.facts());
    }

    /** One activity read now for a report (one query; see {@link ActivityCatalog#byRef}). */
    public Optional<ActivityView> read(String ref) {
        return catalog.byRef(ref);
    }

    /**
     * The activity, when a report for it for that tertial would be accepted (any tertial begun, also one closing
     * before the activity's planned start); else the reason, as a problem.
     */
    public ActivityView check(String ref, Tertial tertial) {
        ActivityView view = read(ref)
                .orElseThrow(() -> ProblemException.notFound("Aktiviteten " + ref + " finns inte"));
        requireBegun(tertial);
        // a report before the planned start is kept: the owner knows when work began (the planned dates stay)
        return view;
    }

    private void requireBegun(Tertial tertial) {
        LocalDate today = LocalDate.now(clock);
        if (tertial.firstDay().isAfter(today)) {
            throw ProblemException.invalidField("tertial",
                    "Tertial %s har inte börjat än; rapportera för %s".formatted(tertial, asked.on(today)));
        }
    }

    private static java.util.List<ReportFact> append(ActivityFacts facts, ReportFact added) {
        var all = new java.util.ArrayList<>(facts.reports());
        all.add(added);
        return all;
    }

    private static Map<String, Object> describe(ReportFact report) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tertial", report.tertial().toString());
        values.put("status", report.status().name());
        values.put("comment", report.comment());
        return values;
    }
}
