package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;

/**
 * A person's deputy (ersättare) and absences: while they are away, reminders go to the deputy, who may
 * then report on their activities. Set by an admin or by the person themselves.
 */
@Controller("/api/people")
@Secured(SecurityRule.IS_AUTHENTICATED)
class PeopleController {

    @Serdeable
    record DeputyChange(@Nullable String deputy) {
    }

    @Serdeable
    record NewAbsence(@NotNull LocalDate from, @NotNull LocalDate to) {
    }

    @Serdeable
    record PersonJson(String name, String email, List<Role> roles, @Nullable String deputy, boolean active,
                      List<PersonAbsence> absences) {
    }

    private final PersonRepository people;
    private final PersonRoleRepository roles;
    private final PersonAbsenceRepository absences;
    private final AuditLog audit;

    PeopleController(PersonRepository people, PersonRoleRepository roles, PersonAbsenceRepository absences,
                     AuditLog audit) {
        this.people = people;
        this.roles = roles;
        this.absences = absences;
        this.audit = audit;
    }

    @Get("/{email}")
    PersonJson show(@PathVariable String email, Authentication authentication) {
        return json(visible(email, Caller.of(authentication)));
    }

    @Put("/{email}/deputy")
    @Transactional
    PersonJson setDeputy(@PathVariable String email, @Body DeputyChange change, Authentication authentication) {
        Person person = changeable(email, Caller.of(authentication));
        Long deputyId = null;
        if (change.deputy() != null && !change.deputy().isBlank()) {
            Person deputy = find(change.deputy());
            if (deputy.id().equals(person.id())) {
                throw ProblemException.invalidField("deputy", "En person kan inte vara sin egen ersättare");
            }
            deputyId = deputy.id();
        }
        people.update(person.withDeputy(deputyId));
        audit.record(Caller.of(authentication).actor(Channel.API), "person.deputy", "person:" + person.email(), null,
                Map.of("deputy", String.valueOf(person.deputyId())), Map.of("deputy", String.valueOf(deputyId)));
        return json(find(email));
    }

    @Post("/{email}/absences")
    @Transactional
    HttpResponse<PersonJson> addAbsence(@PathVariable String email, @Body @Valid NewAbsence absence,
                                        Authentication authentication) {
        Person person = changeable(email, Caller.of(authentication));
        Limits.date("from", absence.from());
        Limits.date("to", absence.to());
        if (absence.to().isBefore(absence.from())) {
            throw ProblemException.invalidField("to", "Frånvaron slutar %s, före den börjar %s".formatted(absence.to(), absence.from()));
        }
        absences.save(new PersonAbsence(null, person.id(), absence.from(), absence.to()));
        audit.record(Caller.of(authentication).actor(Channel.API), "person.absence", "person:" + person.email(), null,
                null, Map.of("from", absence.from().toString(), "to", absence.to().toString()));
        return HttpResponse.created(json(person));
    }

    /** Admin, stab and the person see a person; anyone else gets the answer for an unknown e-mail (404). */
    private Person visible(String email, Caller caller) {
        Person person = find(email);
        if (!Permissions.canSeePerson(caller, person.id())) {
            throw notFound(email);
        }
        return person;
    }

    /** Who may see the person but not change them (stab) gets 403. */
    private Person changeable(String email, Caller caller) {
        Person person = visible(email, caller);
        if (!caller.has(Role.ADMIN) && !Objects.equals(caller.personId(), person.id())) {
            throw ProblemException.forbidden("Bara en administratör eller personen själv kan ändra detta");
        }
        return person;
    }

    private Person find(String email) {
        return people.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> notFound(email));
    }

    private static ProblemException notFound(String email) {
        return ProblemException.notFound("Ingen person med e-post " + email);
    }

    private PersonJson json(Person person) {
        return new PersonJson(person.name(), person.email(),
                roles.findByPersonId(person.id()).stream().map(PersonRole::role).sorted().toList(),
                person.deputyId() == null ? null : people.findById(person.deputyId()).map(Person::email).orElse(null),
                person.active(), absences.findByPersonId(person.id()));
    }
}
