package se.ange.tertial.digest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;

/**
 * The weekly digest: a preview without sending (stab, admin, or a manager their own), each person's
 * choices (their own, or any by an admin), and a run for a given day (admin: catch-up, demos).
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/digests")
@Secured(SecurityRule.IS_AUTHENTICATED)
class DigestController {

    @Serdeable
    record Choices(boolean enabled, DayOfWeek day, @Nullable ReminderChannel channel) {
    }

    private final DigestRun digests;
    private final PersonRepository people;
    private final Clock clock;

    DigestController(DigestRun digests, PersonRepository people, Clock clock) {
        this.digests = digests;
        this.people = people;
        this.clock = clock;
    }

    @Get("/preview")
    DigestRun.Prepared preview(@QueryValue String manager, @Nullable @QueryValue LocalDate on, Authentication authentication) {
        Limits.date("on", on);
        Person person = person(manager);
        Caller caller = Caller.of(authentication);
        if (!Permissions.canSeePerson(caller, person.id())) {
            throw notFound(manager); // as for an unknown e-mail: addresses cannot be probed
        }
        return digests.preview(person, on != null ? on : LocalDate.now(clock)).orElseThrow(() ->
                ProblemException.invalidField("manager", person.email() + " är varken chef eller stab och får ingen sammanställning"));
    }

    @Get("/preferences")
    Choices preferences(@Nullable @QueryValue String person, Authentication authentication) {
        DigestPreference preference = digests.preference(self(person, authentication));
        return new Choices(preference.enabled(), preference.sendDay(), preference.channel());
    }

    @Put("/preferences")
    Choices choose(@Nullable @QueryValue String person, @Body Choices choices, Authentication authentication) {
        Person who = self(person, authentication);
        if (choices.day() == null || choices.day() == DayOfWeek.SATURDAY || choices.day() == DayOfWeek.SUNDAY) {
            throw ProblemException.invalidField("day", "Välj en vardag, MONDAY–FRIDAY");
        }
        DigestPreference after = digests.choose(who, new DigestPreference(who.id(), choices.enabled(), choices.day(),
                choices.channel()), Caller.of(authentication).actor(Channel.API));
        return new Choices(after.enabled(), after.sendDay(), after.channel());
    }

    @Post("/run")
    @Secured("ADMIN")
    DigestRun.Result run(@QueryValue LocalDate on) {
        return digests.run(Limits.date("on", on));
    }

    /** The caller themselves, or (for an admin) the person named. */
    private Person self(@Nullable String email, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (email != null && !email.isBlank()) {
            Person named = person(email);
            if (!Permissions.canSeePerson(caller, named.id())) {
                throw notFound(email); // as for an unknown e-mail: addresses cannot be probed
            }
            if (!caller.has(Role.ADMIN) && !named.id().equals(caller.personId())) {
                throw ProblemException.forbidden("Bara en administratör kan ändra någon annans val");
            }
            return named;
        }
        if (caller.personId() == null) {
            throw ProblemException.invalidField("person", "Ange vems val det gäller (person=e-post)");
        }
        return people.findById(caller.personId()).orElseThrow();
    }

    private Person person(String email) {
        return people.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> notFound(email));
    }

    private static ProblemException notFound(String email) {
        return ProblemException.notFound("Ingen person med e-post " + email);
    }
}
