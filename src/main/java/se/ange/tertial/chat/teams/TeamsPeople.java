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
 * Maps a Teams user to a person: by the stored Entra object id, else once by the e-mail (or UPN) the
 * Connector's member lookup reports for them, after which the object id is stored.
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
            Optional<Person> known = people.findByTeamsUserId(aadObjectId);
            if (known.isPresent()) {
                return known;
            }
        }
        try {
            JsonNode member = connector.member(serviceUrl, conversationId, userId);
            String objectId = member.path("aadObjectId").asText(aadObjectId);
            String email = member.path("email").asText("");
            if (email.isBlank()) {
                email = member.path("userPrincipalName").asText("");
            }
            if (email.isBlank() || objectId == null || objectId.isBlank()) {
                return Optional.empty();
            }
            String id = objectId;
            return people.findByEmail(email.toLowerCase(Locale.ROOT))
                    .map(person -> id.equals(person.teamsUserId()) ? person : people.update(person.withTeamsUserId(id)));
        } catch (IOException e) {
            LOG.warn("Teams member lookup failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    Optional<Caller> caller(Optional<Person> person) {
        return person.filter(Person::active).flatMap(p -> callers.byEmail(p.email(), CREDENTIAL));
    }
}
