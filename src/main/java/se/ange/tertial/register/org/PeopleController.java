package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.system.ProblemException;

/**
 * A person's deputy (ersättare) and absences: while they are away, reminders go to the deputy, who may
 * then report on their activities. Set by an admin or by the person themselves; the rules and the audit
 * rows are {@link PersonSettings}'s, shared with the web page.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
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
    private final PersonSettings settings;
    private final Clock clock;

    PeopleController(PersonRepository people, PersonRoleRepository roles, PersonAbsenceRepository absences,
                     PersonSettings settings, Clock clock) {
        this.people = people;
        this.roles = roles;
        this.absences = absences;
        this.settings = settings;
        this.clock = clock;
    }

    @Get("/{email}")
    PersonJson show(@PathVariable String email, Authentication authentication) {
        return json(visible(email, Caller.of(authentication)));
    }

    @Put("/{email}/deputy")
    PersonJson setDeputy(@PathVariable String email, @Body DeputyChange change, Authentication authentication) {
        Person person = changeable(email, Caller.of(authentication));
        settings.setDeputy(person, change.deputy(), Caller.of(authentication).actor(Channel.API));
        return json(find(email));
    }

    @Post("/{email}/absences")
    HttpResponse<PersonJson> addAbsence(@PathVariable String email, @Body @Valid NewAbsence absence,
                                        Authentication authentication) {
        Person person = changeable(email, Caller.of(authentication));
        settings.addAbsence(person, absence.from(), absence.to(), Caller.of(authentication).actor(Channel.API));
        return HttpResponse.created(json(person));
    }

    /** Removes an absence that has not ended yet (404 for a past one or someone else's). */
    @Delete("/{email}/absences/{id}")
    PersonJson removeAbsence(@PathVariable String email, @PathVariable long id, Authentication authentication) {
        Person person = changeable(email, Caller.of(authentication));
        settings.removeAbsence(person, id, LocalDate.now(clock), Caller.of(authentication).actor(Channel.API));
        return json(person);
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
        if (!Permissions.canChangePersonSettings(caller, person.id())) {
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
