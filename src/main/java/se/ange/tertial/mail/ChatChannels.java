package se.ange.tertial.mail;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import se.ange.tertial.chat.slack.SlackSettings;
import se.ange.tertial.chat.teams.TeamsSettings;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.ReminderChannel;

/**
 * Which chat a person can answer in: Slack when the Slack app is on and the person has a Slack user id,
 * Teams when the bot is on and the person is known in Teams (or chose Teams for reminders). Mails mention
 * only these, never a chat the person cannot use.
 */
@Singleton
public class ChatChannels {

    private final SlackSettings slack;
    private final TeamsSettings teams;

    public ChatChannels(SlackSettings slack, TeamsSettings teams) {
        this.slack = slack;
        this.teams = teams;
    }

    /** "Slack", "Teams", both, or none. */
    public List<String> of(Person person) {
        List<String> names = new ArrayList<>();
        if (slack.enabled() && person.slackUserId() != null && !person.slackUserId().isBlank()) {
            names.add("Slack");
        }
        if (teams.enabled() && ((person.teamsUserId() != null && !person.teamsUserId().isBlank())
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
