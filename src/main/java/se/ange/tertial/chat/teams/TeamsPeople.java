package se.ange.tertial.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.register.org.EntraPeople;
import se.ange.tertial.register.org.Person;

/**
 * Maps a Teams user to a person by {@link EntraPeople}'s rule: the stored Entra object id, else once the user
 * principal name the Connector's member lookup reports.
 */
@Singleton
@Requires(bean = BotConnector.class)
class TeamsPeople {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsPeople.class);
    static final String CREDENTIAL = "teams";

    private final EntraPeople entra;
    private final Callers callers;
    private final BotConnector connector;

    TeamsPeople(EntraPeople entra, Callers callers, BotConnector connector) {
        this.entra = entra;
        this.callers = callers;
        this.connector = connector;
    }

    /** The person behind a Teams user in a conversation, looked up once and remembered ({@link EntraPeople}). */
    Optional<Person> person(String serviceUrl, String conversationId, String userId, String aadObjectId) {
        Optional<Person> known = entra.byObjectId(aadObjectId);
        if (known.isPresent()) {
            return known;
        }
        try {
            JsonNode member = connector.member(serviceUrl, conversationId, userId);
            return entra.byUpnOnce(member.path("aadObjectId").asText(aadObjectId),
                    member.path("userPrincipalName").asText(""));
        } catch (IOException e) {
            LOG.warn("Teams member lookup failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    Optional<Caller> caller(Optional<Person> person) {
        return person.filter(Person::active).flatMap(p -> callers.byEmail(p.email(), CREDENTIAL));
    }
}
