package se.ange.tertial.chat.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.model.view.View;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.followup.Language;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.Notifier;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.ReminderEntries;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;

/**
 * Reminders as Slack DMs: the person's Slack id (looked up once by e-mail, then stored), the reminder's
 * blocks, the comment modal, and the message updated after a report. Slack's errors and rate limits
 * (429 + Retry-After) become delivery failures, which the outbox retries.
 */
@Singleton
@Requires(bean = App.class)
class SlackReminderService implements Notifier {

    static final String MODAL = "report_comment";

    private final App app;
    private final PersonRepository people;
    private final ReminderItemRepository items;
    private final ReminderEntries entries;

    SlackReminderService(App app, PersonRepository people, ReminderItemRepository items, ReminderEntries entries) {
        this.app = app;
        this.people = people;
        this.items = items;
        this.entries = entries;
    }

    @Override
    public ReminderChannel channel() {
        return ReminderChannel.SLACK;
    }

    @Override
    public void deliver(OutboxMessage message, Person recipient, List<ReminderItemRow> due,
                        Map<String, ActivityView> activities) throws DeliveryFailure {
        try {
            String slackId = slackId(recipient).orElseThrow(() -> new DeliveryFailure(
                    "Slack has no user with the e-mail of person " + recipient.id(), null));
            ChatPostMessageResponse response;
            if (message.kind() != MessageKind.REMINDER) {
                // a prepared message (the digest, an answer): its text as it is
                String text = "*" + SlackBlocks.escape(String.valueOf(message.subject())) + "*\n\n"
                        + SlackBlocks.escape(String.valueOf(message.bodyText()));
                response = app.client().chatPostMessage(r -> r.token(token()).channel(slackId).text(text).mrkdwn(true));
            } else {
                List<ReminderEntries.Entry> reminder = entries.of(due, activities);
                String heading = SlackReminders.heading(reminder, recipient.language());
                response = app.client().chatPostMessage(r -> r.token(token()).channel(slackId)
                        .text(SlackBlocks.escape(heading))
                        .blocks(SlackReminders.blocks(message.id(), heading, reminder, recipient.language())));
            }
            if (!response.isOk()) {
                // Slack's own trouble passes; the rest (msg_too_long, channel_not_found, …) will not
                boolean passing = java.util.Set.of("ratelimited", "service_unavailable", "request_timeout",
                        "internal_error", "fatal_error").contains(response.getError());
                throw new DeliveryFailure("Slack chat.postMessage: " + response.getError(), null, null, !passing);
            }
        } catch (SlackApiException e) {
            String retry = e.getResponse().header("Retry-After");
            throw new DeliveryFailure("Slack answered " + e.getResponse().code()
                    + (retry == null ? "" : ", retry after " + retry + " s"), e, DeliveryFailure.parseRetryAfter(retry));
        } catch (IOException e) {
            throw new DeliveryFailure("Slack unreachable: " + e.getMessage(), e);
        }
    }

    /** The comment modal for a chosen status; the metadata carries the choice and where the DM is. */
    View commentModal(SlackReminders.Choice choice, String channelId, String messageTs, Language language) {
        boolean en = language == Language.EN;
        return view(v -> v.type("modal").callbackId(MODAL)
                .privateMetadata(choice.value() + "|" + channelId + "|" + messageTs)
                .title(viewTitle(t -> t.type("plain_text").text(en ? "Report status" : "Rapportera status")))
                .submit(viewSubmit(s -> s.type("plain_text").text(en ? "Save" : "Spara")))
                .close(viewClose(c -> c.type("plain_text").text(en ? "Cancel" : "Avbryt")))
                .blocks(List.of(
                        section(s -> s.text(markdownText("*" + SlackBlocks.escape(choice.ref()) + "* (" + SlackBlocks.escape(choice.tertial()) + "): "
                                + choice.status().symbol() + " " + choice.status().label(language)))),
                        input(i -> i.blockId("comment").optional(!choice.status().isWithDeviation())
                                .label(plainText(en ? "Comment" : "Kommentar"))
                                .element(plainTextInput(p -> p.actionId("comment_input").multiline(true)))))));
    }

    /** After a report: the DM shows what was recorded in place of the select. */
    void refresh(long messageId, String channelId, String messageTs, Language language) throws IOException, SlackApiException {
        List<ReminderEntries.Entry> reminder = entries.of(items.findByMessageIdOrderById(messageId));
        String heading = SlackReminders.heading(reminder, language);
        app.client().chatUpdate(r -> r.token(token()).channel(channelId).ts(messageTs).text(SlackBlocks.escape(heading))
                .blocks(SlackReminders.blocks(messageId, heading, reminder, language)));
    }

    private Optional<String> slackId(Person person) throws IOException, SlackApiException {
        if (person.slackUserId() != null && !person.slackUserId().isBlank()) {
            return Optional.of(person.slackUserId());
        }
        UsersLookupByEmailResponse found = app.client().usersLookupByEmail(r -> r.token(token()).email(person.email()));
        if (!found.isOk() || found.getUser() == null) {
            return Optional.empty();
        }
        people.update(person.withSlackUserId(found.getUser().getId()));
        return Optional.of(found.getUser().getId());
    }

    private String token() {
        return app.config().getSingleTeamBotToken();
    }
}
