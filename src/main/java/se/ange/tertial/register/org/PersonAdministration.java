package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.Language;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;

/**
 * An administrator's changes to a person beyond their own settings ({@link PersonSettings}): name, place in the
 * organisation, language, whether they are active, their roles, and the Slack and Teams links. Each change is
 * stored with its audit row; a refused value names its field. Who may do this is the caller's concern (admin).
 */
@Singleton
public class PersonAdministration {

    /** The roles a person can hold ({@link Role#GATEWAY} is a token's, never a person's). */
    public static final Set<Role> PERSON_ROLES = EnumSet.of(Role.OWNER, Role.MANAGER, Role.STAB, Role.ADMIN);

    /** What the details form says about a person. */
    public record Details(String name, Long departmentId, @Nullable Long unitId, Language language, boolean active) {
    }

    private final PersonRepository people;
    private final PersonRoleRepository roles;
    private final DepartmentRepository departments;
    private final OrgUnitRepository units;
    private final AuditLog audit;

    PersonAdministration(PersonRepository people, PersonRoleRepository roles, DepartmentRepository departments,
                         OrgUnitRepository units, AuditLog audit) {
        this.people = people;
        this.roles = roles;
        this.departments = departments;
        this.units = units;
        this.audit = audit;
    }

    /**
     * Name, department, unit (in that department, or none), language and active (not oneself: that would end one's
     * own session); audited when something changed.
     */
    @Transactional
    public Person changeDetails(Person person, Details details, Actor actor) {
        String name = details.name() == null ? "" : details.name().strip();
        if (name.isEmpty()) {
            throw ProblemException.invalidField("name", "Namnet får inte vara tomt");
        }
        if (name.length() > Limits.PERSON_NAME) {
            throw ProblemException.invalidField("name", Limits.tooLong("name", Limits.PERSON_NAME));
        }
        if (details.departmentId() == null || departments.findById(details.departmentId()).isEmpty()) {
            throw ProblemException.invalidField("department", "Ingen sådan avdelning");
        }
        if (details.unitId() != null && units.findById(details.unitId())
                .filter(unit -> unit.departmentId().equals(details.departmentId())).isEmpty()) {
            throw ProblemException.invalidField("unit", "Enheten hör inte till avdelningen");
        }
        if (!details.active() && person.id().equals(actor.personId())) {
            throw ProblemException.invalidField("active", "Du kan inte göra dig själv inaktiv");
        }
        Person after = new Person(person.id(), name, person.email(), details.departmentId(), details.unitId(),
                person.slackUserId(), person.teamsUserId(), details.language(), details.active(), person.deputyId(),
                person.reminderChannel());
        if (after.equals(person)) {
            return person;
        }
        people.update(after);
        audit.record(actor, "person.details", "person:" + person.email(), null, details(person), details(after));
        return after;
    }

    /** The person's roles, at least one; an admin cannot take the admin role from themselves. */
    @Transactional
    public Set<Role> setRoles(Person person, Set<Role> wanted, Actor actor) {
        if (wanted.isEmpty() || !PERSON_ROLES.containsAll(wanted)) {
            throw ProblemException.invalidField("roles", "Välj minst en roll: ägare, chef, stab eller administratör");
        }
        Set<Role> before = current(person);
        if (before.equals(wanted)) {
            return before;
        }
        if (person.id().equals(actor.personId()) && before.contains(Role.ADMIN) && !wanted.contains(Role.ADMIN)) {
            throw ProblemException.invalidField("roles", "Du kan inte ta bort din egen administratörsroll");
        }
        roles.deleteByPersonId(person.id());
        wanted.forEach(role -> roles.save(new PersonRole(null, person.id(), role)));
        audit.record(actor, "person.roles", "person:" + person.email(), null, Map.of("roles", names(before)),
                Map.of("roles", names(wanted)));
        return Set.copyOf(wanted);
    }

    public Set<Role> current(Person person) {
        return roles.findByPersonId(person.id()).stream().map(PersonRole::role)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** Forgets the person's Slack user id (they are then reached by e-mail until they are linked again). */
    @Transactional
    public Person unlinkSlack(Person person, Actor actor) {
        if (person.slackUserId() == null) {
            return person;
        }
        Person after = person.withSlackUserId(null);
        if (after.reminderChannel() == ReminderChannel.SLACK) {
            after = after.withPreferences(ReminderChannel.EMAIL, after.language());
        }
        people.update(after);
        audit.record(actor, "person.slack.unlinked", "person:" + person.email(), null,
                Map.of("slackUserId", person.slackUserId()), null);
        return after;
    }

    /** Forgets the person's Teams (Entra) id. */
    @Transactional
    public Person unlinkTeams(Person person, Actor actor) {
        if (person.teamsUserId() == null) {
            return person;
        }
        Person after = person.withTeamsUserId(null);
        if (after.reminderChannel() == ReminderChannel.TEAMS) {
            after = after.withPreferences(ReminderChannel.EMAIL, after.language());
        }
        people.update(after);
        audit.record(actor, "person.teams.unlinked", "person:" + person.email(), null,
                Map.of("teamsUserId", person.teamsUserId()), null);
        return after;
    }

    private static String names(Set<Role> set) {
        return set.stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    private Map<String, String> details(Person person) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", person.name());
        values.put("department", String.valueOf(person.departmentId()));
        values.put("unit", String.valueOf(person.unitId()));
        values.put("language", person.language().name());
        values.put("active", String.valueOf(person.active()));
        return values;
    }
}
