package se.ange.tertial.digest;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.transaction.Transactional;
import se.ange.tertial.notify.OutboxFilled;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.followup.WorkingDays;

/**
 * Decides and enqueues the weekly digests: on a working day, everyone whose digest day has come this week
 * (their chosen day, moved to the next working day when it is a holiday) and who has not had this week's
 * digest gets it — so a day the service was down is made up later in the week, and a second run, on any
 * instance, sends nothing. Managers get their department's deviations; stab the municipality-wide summary.
 */
@Singleton
public class DigestRun {

    private static final Logger LOG = LoggerFactory.getLogger(DigestRun.class);

    /** Who gets which digest. */
    public enum Audience { MANAGER, STAB }

    /** A digest for one person, as it would be sent. */
    @Serdeable
    public record Prepared(String recipient, Audience audience, Digest digest) {
    }

    /** What a run did. */
    @Serdeable
    public record Result(LocalDate on, int sent, int empty) {
    }

    private final PersonRepository people;
    private final Callers callers;
    private final ActivityCatalog catalog;
    private final DigestPreferenceRepository preferences;
    private final DigestSentRepository made;
    private final OutboxRepository outbox;
    private final DigestMail mail;
    private final DigestConfig config;
    private final DigestComposer composer;
    private final WorkingDays workingDays;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher<OutboxFilled> filled;

    DigestRun(PersonRepository people, Callers callers, ActivityCatalog catalog, DigestPreferenceRepository preferences,
              DigestSentRepository made, OutboxRepository outbox, DigestMail mail, DigestConfig config,
              DeviationRules rules, AuditLog audit, WorkingDays workingDays, Clock clock,
              ApplicationEventPublisher<OutboxFilled> filled) {
        this.filled = filled;
        this.workingDays = workingDays;
        this.people = people;
        this.callers = callers;
        this.catalog = catalog;
        this.preferences = preferences;
        this.made = made;
        this.outbox = outbox;
        this.mail = mail;
        this.config = config;
        this.composer = new DigestComposer(rules, config.longOnHoldDays(), clock.getZone());
        this.audit = audit;
        this.clock = clock;
    }

    /** The person's digest as of a day, against the last one made before that week; empty if they get none. */
    public Optional<Prepared> preview(Person person, LocalDate on) {
        return audience(person).map(audience -> prepare(person, audience, on));
    }

    /** Whether the person gets a digest at all (managers and stab). */
    public boolean receives(Person person) {
        return audience(person).isPresent();
    }

    public DigestPreference preference(Person person) {
        return preferences.findById(person.id())
                .orElseGet(() -> new DigestPreference(person.id(), true, config.defaultDay(), null));
    }

    /** Stores a person's choices and the audit row for them, together. */
    @Transactional
    public DigestPreference choose(Person person, DigestPreference chosen, Actor actor) {
        DigestPreference before = preferences.findById(chosen.personId()).orElse(null);
        DigestPreference after = before != null ? preferences.update(chosen) : preferences.save(chosen);
        audit.record(actor, "digest.preferences", "person:" + person.email(), null, before, after);
        return after;
    }

    /** Today's digests (the scheduler calls it every morning). */
    @io.micrometer.core.annotation.Timed(value = "tertial.digest.run", extraTags = {"trigger", "scheduled"})
    public Result runDue() {
        return run(LocalDate.now(clock));
    }

    @Transactional
    @io.micrometer.core.annotation.Timed(value = "tertial.digest.run", extraTags = {"trigger", "manual"})
    public Result run(LocalDate today) {
        if (!config.enabled() || !workingDays.isWorkingDay(today)) {
            return new Result(today, 0, 0);
        }
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int sent = 0;
        int empty = 0;
        DigestRun.Prepared summary = null;
        Person summaryFor = null;
        Person firstStab = null;
        for (Person person : people.findAll()) {
            if (!person.active()) {
                continue;
            }
            Optional<Audience> audience = audience(person);
            if (audience.isPresent() && audience.get() == Audience.STAB && firstStab == null) {
                firstStab = person;
            }
            DigestPreference preference = preference(person);
            if (audience.isEmpty() || !preference.enabled() || today.isBefore(dueDay(weekStart, preference.sendDay()))
                    || made.existsByPersonIdAndWeekStart(person.id(), weekStart)) {
                continue;
            }
            Prepared prepared = prepare(person, audience.get(), today);
            Long outboxId = null;
            if (prepared.digest().isEmpty()) {
                empty++; // nothing to say: no message, but the week is done
            } else {
                DigestMail.Rendered rendered = mail.render(person, prepared);
                outboxId = outbox.save(OutboxMessage.prepared(person.id(),
                        preference.channel() != null ? preference.channel() : person.reminderChannel(), MessageKind.DIGEST,
                        "DIGEST/" + person.id() + "/" + weekStart, rendered.subject(), rendered.text(), rendered.html(),
                        today, clock.instant())).id();
                sent++;
            }
            made.save(new DigestSent(null, person.id(), weekStart, today, String.join(",", prepared.digest().keys()), outboxId));
            if (audience.get() == Audience.STAB && summary == null) {
                summary = prepared;
                summaryFor = person;
            }
        }
        // the channel's post comes once a week from the default digest day on, whatever each stab member
        // chose for their own digest (turned off, another day): it is the team's, not a person's
        String channelKey = "DIGEST/CHANNEL/" + weekStart;
        if (config.teamsChannel() && firstStab != null && !today.isBefore(dueDay(weekStart, config.defaultDay()))
                && !outbox.existsByDedupeKey(channelKey)) {
            if (summary == null) {
                summary = prepare(firstStab, Audience.STAB, today);
                summaryFor = firstStab;
            }
            DigestMail.Rendered rendered = mail.renderForChannel(summary);
            outbox.save(OutboxMessage.prepared(summaryFor.id(), ReminderChannel.TEAMS, MessageKind.CHANNEL_POST, channelKey,
                    rendered.subject(), rendered.text(), null, today, clock.instant()));
        }
        if (sent + empty > 0) {
            LOG.info("Weekly digests on {}: {} enqueued, {} with nothing to say", today, sent, empty);
        }
        filled.publishEvent(new OutboxFilled(sent)); // delivered once this transaction commits
        return new Result(today, sent, empty);
    }

    /**
     * The chosen day of that week, or the next working day when it is a holiday; when that would fall in the
     * next week (a Friday holiday such as midsommarafton), the working day before it.
     */
    private LocalDate dueDay(LocalDate weekStart, DayOfWeek day) {
        LocalDate chosen = weekStart.with(TemporalAdjusters.nextOrSame(day));
        LocalDate due = workingDays.onOrAfter(chosen);
        return due.isAfter(weekStart.plusDays(4)) ? workingDays.onOrBefore(chosen) : due;
    }

    private Prepared prepare(Person person, Audience audience, LocalDate on) {
        LocalDate weekStart = on.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Set<String> previous = made.findFirstByPersonIdAndWeekStartLessThanOrderByWeekStartDesc(person.id(), weekStart)
                .map(d -> d.deviationKeys().isBlank() ? Set.<String>of() : new LinkedHashSet<>(Arrays.asList(d.deviationKeys().split(","))))
                .orElse(Set.of());
        Caller caller = callers.byEmail(person.email(), "digest").orElseThrow();
        List<ActivityView> scope = new ArrayList<>(catalog.all().stream()
                .filter(view -> audience == Audience.STAB || Permissions.canRead(caller, view)).toList());
        return new Prepared(person.email(), audience, composer.compose(on, scope, previous));
    }

    private Optional<Audience> audience(Person person) {
        Optional<Caller> caller = callers.byEmail(person.email(), "digest");
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        if (caller.get().has(Role.STAB)) {
            return Optional.of(Audience.STAB);
        }
        return caller.get().has(Role.MANAGER) ? Optional.of(Audience.MANAGER) : Optional.empty();
    }

}
