package se.ange.tertial.chat.slack;

import se.ange.tertial.system.Limits;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.notify.ChatRecords;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.Reporting;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.system.ProblemException;

/** The reminder DM's interactivity: a status chosen opens the comment modal; a submitted modal is recorded. */
@Singleton
@Requires(property = "tertial.slack.signing-secret", pattern = ".+")
class SlackReports {

    private static final Logger LOG = LoggerFactory.getLogger(SlackReports.class);

    /** The comment column's length (status_report.comment). */

    private final SlackPeople slackPeople;
    private final PersonRepository people;
    private final Reporting reporting;
    private final ChatRecords records;
    private final Provider<SlackReminderService> reminders;

    SlackReports(SlackPeople slackPeople, PersonRepository people, Reporting reporting, ChatRecords records,
                 Provider<SlackReminderService> reminders) {
        this.slackPeople = slackPeople;
        this.people = people;
        this.reporting = reporting;
        this.records = records;
        this.reminders = reminders;
    }

    void openCommentModal(App app, BlockActionPayload payload) throws IOException, SlackApiException {
        SlackReminders.Choice choice = choice(payload);
        if (payload.getContainer() == null || payload.getContainer().getChannelId() == null
                || payload.getContainer().getMessageTs() == null) {
            throw new SlackMalformed("valet kommer inte från ett meddelande");
        }
        Language language = language(slackPeople.caller(app, payload.getUser().getId()));
        var opened = app.client().viewsOpen(r -> r.token(app.config().getSingleTeamBotToken()).triggerId(payload.getTriggerId())
                .view(reminders.get().commentModal(choice, payload.getContainer().getChannelId(),
                        payload.getContainer().getMessageTs(), language)));
        if (!opened.isOk()) {
            throw new IllegalStateException("views.open answered " + opened.getError());
        }
    }

    /** What to tell someone whose comment modal could not be opened: nothing recorded, and the chat line instead. */
    String modalFailed(App app, BlockActionPayload payload) {
        SlackReminders.Choice choice = choice(payload);
        boolean en = language(slackPeople.caller(app, payload.getUser().getId())) == Language.EN;
        String line = "/tertial status " + choice.ref() + " " + (choice.status().ordinal() + 1) + ": "
                + (en ? "comment" : "kommentar");
        return en ? "Slack could not open the comment box, so nothing was recorded. Write instead: `" + line + "`"
                : "Slack kunde inte öppna rutan för kommentaren, så inget har registrerats. Skriv i stället: `" + line + "`";
    }

    /** Records the report; empty when done, else why it was refused (shown in the modal). */
    Optional<String> submit(App app, ViewSubmissionPayload payload, String rawBody) {
        if (payload.getUser() == null || payload.getUser().getId() == null || payload.getView() == null) {
            throw new SlackMalformed("rutan eller den som skickade den saknas");
        }
        String metadata = payload.getView().getPrivateMetadata();
        String[] meta = metadata == null ? new String[0] : metadata.split("\\|", -1);
        if (meta.length != 6 || meta[4].isBlank() || meta[5].isBlank()) {
            throw new SlackMalformed("rutan är inte en som Tertial har öppnat");
        }
        SlackReminders.Choice choice = SlackReminders.Choice.parse(String.join("|", meta[0], meta[1], meta[2], meta[3]));
        var state = payload.getView().getState();
        var block = state == null || state.getValues() == null ? null : state.getValues().get("comment");
        var input = block == null ? null : block.get("comment_input");
        if (input == null) {
            throw new SlackMalformed("rutan saknar fältet för kommentaren");
        }
        String comment = input.getValue();
        Optional<Caller> caller = slackPeople.caller(app, payload.getUser().getId());
        Language language = language(caller);
        records.keep("SLACK", payload.getUser().getId(), caller.map(Caller::personId).orElse(null), rawBody);
        if (caller.isEmpty()) {
            return Optional.of(language == Language.EN ? "You are not in Tertial's register yet." : "Du finns inte i Tertials register än.");
        }
        if (comment != null && comment.length() > Limits.COMMENT) {
            return Optional.of(language == Language.EN ? "The comment is too long: at most 8,000 characters."
                    : "Kommentaren är för lång: högst 8 000 tecken.");
        }
        if (choice.status().isWithDeviation() && (comment == null || comment.isBlank())) {
            return Optional.of(language == Language.EN ? "Write what deviates and what happens next."
                    : "Skriv vad som avviker och vad som händer nu.");
        }
        try {
            Tertial tertial = Tertial.parse(choice.tertial());
            var checked = reporting.check(choice.ref(), tertial); // read once, handed to the report
            if (!Permissions.canReport(caller.get(), checked)) {
                return Optional.of((language == Language.EN ? "You may not report for " : "Du får inte rapportera för ") + choice.ref());
            }
            reporting.report(checked, tertial, choice.status(), comment, caller.get().actor(Channel.SLACK), null);
        } catch (ProblemException e) {
            return Optional.of(e.getMessage());
        }
        try {
            reminders.get().refresh(choice.messageId(), meta[4], meta[5], language);
        } catch (IOException | SlackApiException e) {
            LOG.warn("The reminder DM could not be updated after a report: {}", e.getMessage());
        }
        return Optional.empty();
    }

    /** The status chosen in a reminder's select, or {@link SlackMalformed} when there is none Tertial wrote. */
    private static SlackReminders.Choice choice(BlockActionPayload payload) {
        if (payload.getUser() == null || payload.getUser().getId() == null || payload.getActions() == null
                || payload.getActions().isEmpty() || payload.getActions().get(0).getSelectedOption() == null) {
            throw new SlackMalformed("inget statusval följde med");
        }
        return SlackReminders.Choice.parse(payload.getActions().get(0).getSelectedOption().getValue());
    }

    private Language language(Optional<Caller> caller) {
        return caller.flatMap(c -> Optional.ofNullable(c.personId())).flatMap(people::findById)
                .map(Person::language).orElse(Language.SV);
    }
}
