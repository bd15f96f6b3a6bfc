package se.ange.tertial.register.activity;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.Organisation;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/** Creates and changes activities, one audit row per change; an unchanged activity is left alone. */
@Singleton
public class ActivityStore {

    /** What saving did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final ActivityRepository activities;
    private final ActivityOwnerRepository owners;
    private final ActivityCatalog catalog;
    private final GoalRepository goals;
    private final Organisation organisation;
    private final PersonRepository people;
    private final AuditLog audit;
    private final Clock clock;

    ActivityStore(ActivityRepository activities, ActivityOwnerRepository owners, ActivityCatalog catalog,
                  GoalRepository goals, Organisation organisation, PersonRepository people, AuditLog audit,
                  Clock clock) {
        this.activities = activities;
        this.owners = owners;
        this.catalog = catalog;
        this.goals = goals;
        this.organisation = organisation;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome save(ActivityData data, Actor actor) {
        Goal goal = goals.findByLevelAndYearAndRef(GoalLevel.KS, data.goalYear(), data.goalRef())
                .orElseThrow(() -> ProblemException.invalidField("goal",
                        "Det finns inget KS-mål %s för %d".formatted(data.goalRef(), data.goalYear())));
        List<Person> ownerPeople = resolveOwners(data.owners());
        Department department = organisation.department(data.department());
        Long unitId = organisation.unit(department, data.unit()).map(OrgUnit::id).orElse(null);
        Instant now = clock.instant();
        catalog.changed();
        var existing = catalog.byRef(data.ref());
        if (existing.isEmpty()) {
            Activity created = activities.save(new Activity(null, data.ref(), data.title(), data.description(),
                    data.startDate(), data.endDate(), goal.id(), data.source(), department.id(), unitId, null, now, now));
            ownerPeople.forEach(p -> owners.save(new ActivityOwner(null, created.id(), p.id())));
            audit.record(actor, "activity.created", AuditLog.activitySubject(data.ref()), created.id(), null, data);
            return Outcome.CREATED;
        }
        ActivityData before = ActivityData.of(existing.get());
        if (before.equals(data)) {
            return Outcome.UNCHANGED;
        }
        Activity old = existing.get().activity();
        activities.update(new Activity(old.id(), old.ref(), data.title(), data.description(), data.startDate(),
                data.endDate(), goal.id(), data.source(), department.id(), unitId, old.status(), old.createdAt(), now));
        if (!before.owners().equals(data.owners())) {
            owners.deleteByActivityId(old.id());
            ownerPeople.forEach(p -> owners.save(new ActivityOwner(null, old.id(), p.id())));
        }
        audit.record(actor, "activity.updated", AuditLog.activitySubject(data.ref()), old.id(), before, data);
        return Outcome.UPDATED;
    }

    private List<Person> resolveOwners(List<String> emails) {
        List<Person> found = people.findByEmailIn(emails);
        List<ProblemError> missing = new ArrayList<>();
        for (String email : emails) {
            if (found.stream().noneMatch(p -> p.email().equals(email))) {
                missing.add(ProblemError.atField("owners", "Ingen person med e-post " + email + " finns i registret"));
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("Okända ansvariga", missing);
        }
        return found;
    }

}
