package se.ange.tertial.mail;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.ReminderChannel;

/**
 * Which chat a person can answer in: Slack when the Slack app is on and the person has a Slack user id,
 * Teams when the bot is on and the person is known in Teams (or chose Teams for reminders). Mails mention
 * only these, never a chat the person cannot use. The settings are read as the chat features read them
 * ({@code tertial.slack.signing-secret}, {@code tertial.teams.app-id}), without depending on those features.
 */
@Singleton
public class ChatChannels {

    private final boolean slack;
    private final boolean teams;

    @Inject
    ChatChannels(@Value("${tertial.slack.signing-secret:}") String slackSigningSecret,
                 @Value("${tertial.teams.app-id:}") String teamsAppId) {
        this(slackSigningSecret != null && !slackSigningSecret.isBlank(), teamsAppId != null && !teamsAppId.isBlank());
    }

    /** Whether the Slack app and the Teams bot are on. */
    public ChatChannels(boolean slack, boolean teams) {
        this.slack = slack;
        this.teams = teams;
    }

    /** "Slack", "Teams", both, or none. */
    public List<String> of(Person person) {
        List<String> names = new ArrayList<>();
        if (slack && person.slackUserId() != null && !person.slackUserId().isBlank()) {
            names.add("Slack");
        }
        if (teams && ((person.teamsUserId() != null && !person.teamsUserId().isBlank())
                || person.reminderChannel() == ReminderChannel.TEAMS)) {
            names.add("Teams");
        }
        return names;
    }

    /** "Slack", "Teams", "Slack eller Teams" / "Slack or Teams"; null when the person has no chat. */
    public String phrase(Person person) {
        List<String> names = of(person);
        if (names.isEmpty()) {
            return null;
        }
        return String.join(person.language() == Language.EN ? " or " : " eller ", names);
    }
}
