package se.ange.tertial.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;

/**
 * Maps a Slack user to a person: by the stored Slack user id, else once by the e-mail Slack reports for
 * them (users.info), which is then stored.
 */
@Singleton
class SlackPeople {

    private static final Logger LOG = LoggerFactory.getLogger(SlackPeople.class);
    static final String CREDENTIAL = "slack";
    /** Slack's user ids are a letter and a dozen or so more; anything much longer is not one. */
    private static final int MAX_ID = 64;

    private final PersonRepository people;
    private final Callers callers;

    SlackPeople(PersonRepository people, Callers callers) {
        this.people = people;
        this.callers = callers;
    }

    Optional<Caller> caller(App app, String slackUserId) {
        if (slackUserId == null || slackUserId.isBlank() || slackUserId.length() > MAX_ID) {
            return Optional.empty(); // not a Slack user id: no one to look up
        }
        Optional<Person> known = people.findBySlackUserId(slackUserId);
        if (known.isEmpty()) {
            known = lookUp(app, slackUserId);
        }
        return known.flatMap(person -> callers.byEmail(person.email(), CREDENTIAL));
    }

    private Optional<Person> lookUp(App app, String slackUserId) {
        try {
            UsersInfoResponse info = app.client().usersInfo(r -> r.token(app.config().getSingleTeamBotToken()).user(slackUserId));
            if (!info.isOk() || info.getUser() == null || info.getUser().getProfile() == null
                    || info.getUser().getProfile().getEmail() == null) {
                return Optional.empty();
            }
            return people.findByEmail(info.getUser().getProfile().getEmail().toLowerCase(java.util.Locale.ROOT))
                    .map(person -> people.update(person.withSlackUserId(slackUserId)));
        } catch (IOException | SlackApiException e) {
            LOG.warn("Slack users.info failed: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
