package se.ange.tertial.register.importer;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.Organisation;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRole;
import se.ange.tertial.register.org.PersonRoleRepository;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.system.Rehearsal;

/**
 * Imports people in the format of {@code people.csv} (name, email, role, department, unit, slack_user_id;
 * optionally teams_user_id, language sv/en, active true/false). Matched on e-mail; all-or-nothing.
 */
@Singleton
public class PeopleImport {

    static final List<String> COLUMNS = List.of("name", "email", "role", "department");
    static final List<String> OPTIONAL_COLUMNS = List.of("unit", "slack_user_id", "teams_user_id", "language",
            "active");

    /** A person as the file describes them, comparable with what the register holds. */
    @io.micronaut.serde.annotation.Serdeable
    record PersonData(String name, String email, Set<Role> roles, @Nullable String department, @Nullable String unit,
                      @Nullable String slackUserId, @Nullable String teamsUserId, Language language, boolean active) {
    }

    /** What a line of the file does to the register. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** A line that can be imported, and what importing it does. */
    @io.micronaut.serde.annotation.Serdeable
    public record LineOutcome(int line, String name, String email, Outcome outcome) {
    }

    /**
     * What importing the file would do: each valid line's outcome, and every refused line's errors (when there
     * are any, the real import stores nothing).
     */
    @io.micronaut.serde.annotation.Serdeable
    public record Preview(List<LineOutcome> lines, List<ProblemError> refused) {

        public long count(Outcome outcome) {
            return lines.stream().filter(line -> line.outcome() == outcome).count();
        }
    }

    private record Line(int line, PersonData data) {
    }

    private final PersonRepository people;
    private final PersonRoleRepository roles;
    private final Organisation organisation;
    private final AuditLog audit;
    private final Rehearsal rehearsal;

    PeopleImport(PersonRepository people, PersonRoleRepository roles, Organisation organisation, AuditLog audit,
                 Rehearsal rehearsal) {
        this.people = people;
        this.roles = roles;
        this.organisation = organisation;
        this.audit = audit;
        this.rehearsal = rehearsal;
    }

    /**
     * The import rehearsed line by line and rolled back: each valid line is stored as the real import would store
     * it, so its outcome is the real one; nothing is kept. A file that cannot be read at all is refused as by
     * {@link #run} (a {@link ProblemException}).
     */
    public Preview preview(String csv, Actor actor) {
        return rehearsal.rehearse(() -> {
            RowErrors errors = new RowErrors();
            List<Line> rows = check(CsvTable.parse(csv, COLUMNS, OPTIONAL_COLUMNS), errors);
            Set<Integer> refused = errors.all().stream().map(ProblemError::line).collect(Collectors.toSet());
            List<LineOutcome> outcomes = new ArrayList<>();
            for (Line row : rows) {
                if (!refused.contains(row.line())) {
                    outcomes.add(new LineOutcome(row.line(), row.data().name(), row.data().email(),
                            Outcome.values()[save(row.data(), actor)]));
                }
            }
            return new Preview(outcomes, List.copyOf(errors.all()));
        });
    }

    @Transactional
    public ImportResult run(String csv, Actor actor) {
        List<PersonData> rows = validate(CsvTable.parse(csv, COLUMNS, OPTIONAL_COLUMNS));
        int[] counts = new int[3];
        rows.forEach(row -> counts[save(row, actor)]++);
        return new ImportResult(counts[0], counts[1], counts[2]);
    }

    /** Makes sure an owner named by a plan exists, creating them from the e-mail when not. */
    void ensure(String email, String department, @Nullable String unit, Role role, Actor actor) {
        if (people.findByEmail(email).isEmpty()) {
            save(new PersonData(nameFromEmail(email), email, Set.of(role), department, unit, null, null,
                    Language.SV, true), actor);
        }
    }

    /** @return 0 created, 1 updated, 2 unchanged */
    private int save(PersonData data, Actor actor) {
        Long departmentId = null;
        Long unitId = null;
        if (data.department() != null) {
            Department department = organisation.department(data.department());
            departmentId = department.id();
            unitId = organisation.unit(department, data.unit()).map(OrgUnit::id).orElse(null);
        }
        Person wanted = new Person(null, data.name(), data.email(), departmentId, unitId, data.slackUserId(),
                data.teamsUserId(), data.language(), data.active(), null, ReminderChannel.EMAIL);
        var existing = people.findByEmail(data.email());
        if (existing.isEmpty()) {
            Person created = people.save(wanted);
            data.roles().forEach(role -> roles.save(new PersonRole(null, created.id(), role)));
            audit.record(actor, "person.created", "person:" + data.email(), null, null, data);
            return 0;
        }
        Person old = existing.get();
        Set<Role> oldRoles = roles.findByPersonId(old.id()).stream().map(PersonRole::role).collect(Collectors.toSet());
        Person updated = new Person(old.id(), wanted.name(), wanted.email(), departmentId, unitId,
                wanted.slackUserId(), wanted.teamsUserId(), wanted.language(), wanted.active(), old.deputyId(),
                old.reminderChannel());
        if (updated.equals(old) && oldRoles.equals(data.roles())) {
            return 2;
        }
        people.update(updated);
        if (!oldRoles.equals(data.roles())) {
            roles.deleteByPersonId(old.id());
            data.roles().forEach(role -> roles.save(new PersonRole(null, old.id(), role)));
        }
        audit.record(actor, "person.updated", "person:" + data.email(), null,
                Arrays.asList(old.name(), old.email(), oldRoles.toString()), data);
        return 1;
    }

    private List<PersonData> validate(CsvTable table) {
        RowErrors errors = new RowErrors();
        List<Line> rows = check(table, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Filen har %d fel; inget har sparats".formatted(errors.all().size()),
                    errors.all());
        }
        return rows.stream().map(Line::data).toList();
    }

    private List<Line> check(CsvTable table, RowErrors errors) {
        Set<String> emails = new HashSet<>();
        Set<String> teamsIds = new HashSet<>();
        List<Line> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String name = errors.required(row, "name", Limits.PERSON_NAME);
            String email = errors.required(row, "email", Limits.EMAIL).toLowerCase(Locale.ROOT);
            errors.optional(row, "department", Limits.DEPARTMENT);
            errors.optional(row, "unit", Limits.UNIT);
            errors.optional(row, "slack_user_id", Limits.SLACK_USER_ID);
            String teamsId = errors.optional(row, "teams_user_id", Limits.TEAMS_USER_ID);
            if (!teamsId.isEmpty() && !teamsIds.add(teamsId)) {
                errors.add(row, "teams_user_id", "Teams-id " + teamsId + " finns redan på en tidigare rad");
            } else if (!teamsId.isEmpty() && teamsId.length() <= Limits.TEAMS_USER_ID) {
                people.findByTeamsUserId(teamsId).filter(other -> !other.email().equals(email)).ifPresent(other ->
                        errors.add(row, "teams_user_id", "Teams-id " + teamsId + " hör redan till en annan person"));
            }
            if (!email.isEmpty() && errors.email(row, "email", email) && !emails.add(email)) {
                errors.add(row, "email", email + " finns redan på en tidigare rad");
            }
            Set<Role> personRoles = new HashSet<>();
            for (String text : RowErrors.list(row.get("role"))) {
                Role.parse(text).ifPresentOrElse(personRoles::add,
                        () -> errors.add(row, "role", "Okänd roll '%s'; skriv owner (ansvarig), manager (chef), stab eller admin".formatted(text)));
            }
            if (personRoles.isEmpty()) {
                personRoles.add(Role.OWNER);
            }
            String language = row.get("language").toUpperCase(Locale.ROOT);
            if (!language.isEmpty() && !language.equals("SV") && !language.equals("EN")) {
                errors.add(row, "language", "Språk är sv eller en, inte " + language);
            }
            String active = row.get("active").toLowerCase(Locale.ROOT);
            if (!active.isEmpty() && !Set.of("true", "false", "ja", "nej").contains(active)) {
                errors.add(row, "active", "active är true eller false");
            }
            rows.add(new Line(row.line(), new PersonData(name, email, personRoles, blankToNull(row.get("department")),
                    blankToNull(row.get("unit")), blankToNull(row.get("slack_user_id")),
                    blankToNull(row.get("teams_user_id")), language.equals("EN") ? Language.EN : Language.SV,
                    !(active.equals("false") || active.equals("nej")))));
        }
        return rows;
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** anna.svensson@x.se → Anna Svensson: a placeholder until the person is imported properly. */
    static String nameFromEmail(String email) {
        return Arrays.stream(email.substring(0, email.indexOf('@')).split("[._-]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining(" "));
    }
}
