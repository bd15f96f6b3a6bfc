package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rule that maps a Microsoft Entra ID user (Teams, web sign-in) to a person: by the stored object id,
 * else once by the user principal name (the sign-in name, which the tenant controls; an {@code email}
 * attribute can be set to anything and is not trusted), after which the object id is stored. A person already
 * mapped to another object id is not taken over silently. Nobody is created; only active people are found.
 */
@Singleton
public class EntraPeople {

    private static final Logger LOG = LoggerFactory.getLogger(EntraPeople.class);

    private final PersonRepository people;

    EntraPeople(PersonRepository people) {
        this.people = people;
    }

    /** The active person who holds this object id. */
    public Optional<Person> byObjectId(@Nullable String objectId) {
        if (objectId == null || objectId.isBlank()) {
            return Optional.empty();
        }
        return people.findByTeamsUserId(objectId).filter(Person::active);
    }

    /** By the object id, else once by the UPN (then remembered). */
    public Optional<Person> find(@Nullable String objectId, @Nullable String upn) {
        Optional<Person> known = byObjectId(objectId);
        return known.isPresent() ? known : byUpnOnce(objectId, upn);
    }

    /**
     * The first time a user is seen: the active person whose address is the UPN, unless they are mapped to
     * another object id; stores the object id on them.
     */
    public Optional<Person> byUpnOnce(@Nullable String objectId, @Nullable String upn) {
        if (upn == null || upn.isBlank() || objectId == null || objectId.isBlank()) {
            return Optional.empty();
        }
        Optional<Person> found = people.findByEmail(upn.strip().toLowerCase(Locale.ROOT)).filter(Person::active);
        if (found.isEmpty() || objectId.equals(found.get().teamsUserId())) {
            return found;
        }
        if (found.get().teamsUserId() != null) {
            LOG.warn("Entra user {} signs in as person {}, who is mapped to another Entra user; not remapped",
                    objectId, found.get().id());
            return Optional.empty();
        }
        // an inactive record holding this object id (e.g. before a change of e-mail) lets go of it
        people.findByTeamsUserId(objectId).ifPresent(old -> people.update(old.withTeamsUserId(null)));
        return Optional.of(people.update(found.get().withTeamsUserId(objectId)));
    }
}
