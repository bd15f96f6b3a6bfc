package se.ange.tertial.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;

/**
 * Maps a Teams user to a person: by the stored Entra object id, else once by the user principal name the
 * Connector's member lookup reports (the sign-in name, which the tenant controls; the {@code email}
 * attribute can be set to anything and is not trusted), after which the object id is stored. A person
 * already mapped to another object id is not taken over silently.
 */
@Singleton
@Requires(bean = BotConnector.class)
class TeamsPeople {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsPeople.class);
    static final String CREDENTIAL = "teams";

    private final PersonRepository people;
    private final Callers callers;
    private final BotConnector connector;

    TeamsPeople(PersonRepository people, Callers callers, BotConnector connector) {
        this.people = people;
        this.callers = callers;
        this.connector = connector;
    }

    /** The person behind a Teams user in a conversation, looked up once and remembered. */
    Optional<Person> person(String serviceUrl, String conversationId, String userId, String aadObjectId) {
        if (aadObjectId != null && !aadObjectId.isBlank()) {
            Optional<Person> known = people.findByTeamsUserId(aadObjectId).filter(Person::active);
            if (known.isPresent()) {
                return known;
            }
        }
        try {
            JsonNode member = connector.member(serviceUrl, conversationId, userId);
            String objectId = member.path("aadObjectId").asText(aadObjectId);
            String upn = member.path("userPrincipalName").asText("");
            if (upn.isBlank() || objectId == null || objectId.isBlank()) {
                return Optional.empty();
            }
            Optional<Person> found = people.findByEmail(upn.toLowerCase(Locale.ROOT)).filter(Person::active);
            if (found.isEmpty() || objectId.equals(found.get().teamsUserId())) {
                return found;
            }
            if (found.get().teamsUserId() != null) {
                LOG.warn("Teams user {} signs in as person {}, who is mapped to another Teams user; not remapped",
                        objectId, found.get().id());
                return Optional.empty();
            }
            // an inactive record holding this object id (e.g. before a change of e-mail) lets go of it
            people.findByTeamsUserId(objectId).ifPresent(old -> people.update(old.withTeamsUserId(null)));
            return Optional.of(people.update(found.get().withTeamsUserId(objectId)));
        } catch (IOException e) {
            LOG.warn("Teams member lookup failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    Optional<Caller> caller(Optional<Person> person) {
        return person.filter(Person::active).flatMap(p -> callers.byEmail(p.email(), CREDENTIAL));
    }
}
