package se.ange.tertial.register.access;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.system.ProblemException;

/** Creates and revokes API tokens; each change is audited. */
@Singleton
public class ApiTokens {

    /** A token just created: the only time its secret is seen. */
    public record Created(ApiToken token, String secret) {
    }

    private final ApiTokenRepository tokens;
    private final PersonRepository people;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, PersonRepository people, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Owner and manager tokens act as a person, whose activities or department bound them; a GATEWAY token
     * never does (it only delivers mail).
     */
    @Transactional
    public Created create(String name, Role role, @Nullable String personEmail, Actor actor) {
        if (tokens.findByName(name.trim()).isPresent()) {
            throw ProblemException.invalidField("name", "Det finns redan en nyckel som heter " + name);
        }
        Long personId = null;
        boolean withPerson = personEmail != null && !personEmail.isBlank();
        if (role == Role.GATEWAY && withPerson) {
            throw ProblemException.invalidField("person",
                    "En nyckel med rollen GATEWAY lämnar bara in mejl och kan inte höra till en person");
        }
        if (withPerson) {
            personId = people.findByEmail(personEmail.trim().toLowerCase(java.util.Locale.ROOT)).map(Person::id)
                    .orElseThrow(() -> ProblemException.invalidField("person", "Ingen person med e-post " + personEmail));
        } else if (role == Role.OWNER || role == Role.MANAGER) {
            throw ProblemException.invalidField("person", "En nyckel med rollen %s måste höra till en person".formatted(role));
        }
        String secret = TokenHash.newToken();
        ApiToken saved = tokens.save(new ApiToken(null, name.trim(), role, personId, TokenHash.of(secret),
                actor.name(), clock.instant(), null));
        audit.record(actor, "token.created", "token:" + saved.name(), null, null,
                Map.of("name", saved.name(), "role", role.name()));
        return new Created(saved, secret);
    }

    @Transactional
    public ApiToken revoke(long id, Actor actor) {
        ApiToken token = tokens.findById(id).orElseThrow(() -> ProblemException.notFound("Ingen nyckel med id " + id));
        if (token.revokedAt() != null) {
            return token;
        }
        ApiToken revoked = tokens.update(token.revoked(clock.instant()));
        audit.record(actor, "token.revoked", "token:" + token.name(), null, Map.of("name", token.name()), null);
        return revoked;
    }
}
