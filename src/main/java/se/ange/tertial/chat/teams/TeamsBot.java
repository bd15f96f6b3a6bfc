package se.ange.tertial.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.command.Command;
import se.ange.tertial.command.CommandHandler;
import se.ange.tertial.command.CommandParser;
import se.ange.tertial.command.Reply;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.notify.ChatRecords;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.ReminderEntries;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.Reporting;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.system.ProblemException;

/**
 * What the bot does with a verified Bot Framework activity: remembers where to reach a person when the app
 * is installed (conversationUpdate), answers commands through the command core (message), and records a
 * status saved on a reminder card (invoke {@code adaptiveCard/action}, or a message carrying the card's
 * data from clients that still send {@code Action.Submit}).
 */
@Singleton
@Requires(bean = BotConnector.class)
class TeamsBot {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);
    private static final Pattern MENTION = Pattern.compile("<at>.*?</at>", Pattern.DOTALL);
    static final String UNAVAILABLE_HEADING = "Tertial kunde inte svara";
    static final String UNAVAILABLE = "Tertial får inte kontakt med Teams just nu. Försök igen om en stund.";

    private final BotConnector connector;
    private final TeamsPeople teamsPeople;
    private final TeamsConversationRepository conversations;
    private final CommandHandler commands;
    private final Reporting reporting;
    private final ReminderItemRepository items;
    private final ReminderEntries entries;
    private final ChatRecords records;
    private final OutboxRepository outbox;
    private final Clock clock;

    TeamsBot(BotConnector connector, TeamsPeople teamsPeople, TeamsConversationRepository conversations,
             CommandHandler commands, Reporting reporting, ReminderItemRepository items, ReminderEntries entries,
             ChatRecords records, OutboxRepository outbox, Clock clock) {
        this.connector = connector;
        this.teamsPeople = teamsPeople;
        this.conversations = conversations;
        this.commands = commands;
        this.reporting = reporting;
        this.items = items;
        this.entries = entries;
        this.clock = clock;
        this.records = records;
        this.outbox = outbox;
    }

    /** Handles one activity; returns the body of an invoke response, if the activity wants one. */
    Optional<ObjectNode> handle(JsonNode activity, String rawBody) throws IOException {
        String type = activity.path("type").asText();
        switch (type) {
            case "conversationUpdate" -> installed(activity);
            case "message" -> {
                if (activity.path("value").isObject()) {
                    submitted(activity, (ObjectNode) activity.get("value"), rawBody, true);
                } else {
                    message(activity, rawBody);
                }
            }
            case "invoke" -> {
                if ("adaptiveCard/action".equals(activity.path("name").asText())
                        && activity.path("value").path("action").path("data").isObject()) {
                    return Optional.of(TeamsCards.invokeResponse(submitted(activity,
                            (ObjectNode) activity.path("value").path("action").path("data"), rawBody, false)));
                }
            }
            default -> LOG.debug("Teams activity of type {} ignored", type);
        }
        return Optional.empty();
    }

    /**
     * The app was added for someone in their 1:1 chat: keep the conversation reference and say hello. Joins
     * in a team or group chat are not remembered and not greeted: reminders must never go to a channel, and
     * a channel should not be greeted once per member.
     */
    private void installed(JsonNode activity) throws IOException {
        if (!personal(activity)) {
            return;
        }
        String botId = activity.path("recipient").path("id").asText();
        for (JsonNode member : activity.path("membersAdded")) {
            if (member.path("id").asText().equals(botId)) {
                member = activity.path("from"); // the bot was added: the user is the other side of the chat
            }
            Optional<Person> person = teamsPeople.person(serviceUrl(activity), conversationId(activity),
                    member.path("id").asText(), member.path("aadObjectId").asText(null));
            if (person.isEmpty()) {
                send(activity, TeamsCards.reply(commands.handle("hjälp", Optional.empty(), Channel.TEAMS)), "Tertial");
                continue;
            }
            remember(activity, person.get());
            Reply welcome = commands.handle("hjälp", teamsPeople.caller(person), person.get().language(), Channel.TEAMS);
            send(activity, TeamsCards.reply(welcome), welcome.heading());
        }
    }

    private void message(JsonNode activity, String rawBody) throws IOException {
        String text = text(activity);
        Optional<Person> person = sender(activity);
        Optional<Caller> caller = teamsPeople.caller(person);
        if (CommandParser.parse(text) instanceof CommandParser.Parsed.Ok ok && ok.command() instanceof Command.Report) {
            // a status report by chat is an official record: keep it as received
            records.keep("TEAMS", activity.path("from").path("id").asText(), caller.map(Caller::personId).orElse(null), rawBody);
        }
        if (person.isPresent() && personal(activity)) {
            remember(activity, person.get());
        }
        Reply reply = commands.handle(text, caller, Channel.TEAMS);
        if (personal(activity) || CommandParser.parse(text) instanceof CommandParser.Parsed.Ok help
                && help.command() instanceof Command.Help) {
            send(activity, TeamsCards.reply(reply), reply.heading());
            return;
        }
        // Teams has no "only you can see this": in a channel or group chat, answer in the asker's 1:1 chat
        boolean en = person.map(Person::language).orElse(Language.SV) == Language.EN;
        Optional<TeamsConversation> own = person.flatMap(p -> conversations.findById(p.id()));
        if (own.isPresent()) {
            connector.send(own.get().serviceUrl(), own.get().conversationId(), TeamsCards.message(TeamsCards.reply(reply), reply.heading()));
        }
        String notice = own.isPresent()
                ? (en ? "The answer is in your chat with Tertial." : "Svaret finns i din chatt med Tertial.")
                : (en ? "Open a chat with Tertial and ask there: answers are not shown to the whole channel."
                        : "Öppna en chatt med Tertial och fråga där: svar visas inte för hela kanalen.");
        send(activity, TeamsCards.reply(Reply.of(notice)), notice);
    }

    private static boolean personal(JsonNode activity) {
        return "personal".equals(activity.path("conversation").path("conversationType").asText());
    }

    /**
     * A reminder card's save button: records the status unless the card is stale or the caller may not,
     * and returns the card as it should now look (with a notice when nothing was recorded).
     */
    private ObjectNode submitted(JsonNode activity, ObjectNode data, String rawBody, boolean updateByConnector)
            throws IOException {
        Optional<TeamsCards.Submission> submission = TeamsCards.Submission.of(data);
        Optional<Person> person = sender(activity);
        Optional<Caller> caller = teamsPeople.caller(person);
        Language language = person.map(Person::language).orElse(Language.SV);
        records.keep("TEAMS", activity.path("from").path("id").asText(), caller.map(Caller::personId).orElse(null), rawBody);
        if (submission.isEmpty()) {
            return TeamsCards.reply(commands.handle("hjälp", caller, language, Channel.TEAMS));
        }
        TeamsCards.Submission s = submission.get();
        // a card belongs to the person it was sent to (or their deputy): another's card shows nothing of it
        boolean theirs = caller.isPresent() && outbox.findById(s.messageId()).map(OutboxMessage::recipientId)
                .filter(recipient -> recipient.equals(caller.get().personId()) || caller.get().deputyFor().contains(recipient))
                .isPresent();
        if (!theirs) {
            return TeamsCards.reply(commands.handle("hjälp", caller, language, Channel.TEAMS));
        }
        Optional<String> notice = record(s, caller.get(), language);
        List<ReminderEntries.Entry> shown = entries.of(items.findByMessageIdOrderById(s.messageId()));
        ObjectNode card = TeamsCards.reminder(s.messageId(), shown, language, notice);
        String cardActivityId = activity.path("replyToId").asText(null);
        if (updateByConnector && cardActivityId != null) {
            connector.update(serviceUrl(activity), conversationId(activity), cardActivityId,
                    TeamsCards.message(card, TeamsCards.heading(shown, language)));
        }
        return card;
    }

    /** Empty when recorded, else what to tell the user. */
    private Optional<String> record(TeamsCards.Submission s, Caller caller, Language language) {
        boolean en = language == Language.EN;
        if (s.status().isEmpty()) {
            return Optional.of((en ? "Choose a status for " : "Välj en status för ") + s.ref() + (en ? " first." : " först."));
        }
        if (s.status().get().isWithDeviation() && s.comment().isBlank()) {
            // as the Slack modal: a deviation is reported with what deviates
            return Optional.of((en ? "Write what deviates and what happens next for " : "Skriv vad som avviker och vad som händer nu för ")
                    + s.ref() + (en ? ", then save again." : ", och spara igen."));
        }
        try {
            Tertial tertial = Tertial.parse(s.tertial());
            ActivityView view = reporting.check(s.ref(), tertial);
            if (!Permissions.canReport(caller, view)) {
                return Optional.of((en ? "You may not report for " : "Du får inte rapportera för ") + s.ref());
            }
            long newest = view.reports().stream().filter(r -> r.tertial().equals(s.tertial()))
                    .map(StatusReport::id).reduce((a, b) -> b).orElse(0L);
            if (newest != s.seenReportId()) {
                StatusReport report = view.reports().stream().filter(r -> r.id() == newest).findFirst().orElseThrow();
                return Optional.of((en ? "%s was reported (%s, by %s) after this card was sent, so nothing was changed. To change it, write: status %s <status>: <comment>"
                        : "%s rapporterades (%s, av %s) efter att kortet skickades, så inget ändrades. Vill du ändra, skriv: status %s <status>: <kommentar>")
                        .formatted(s.ref(), report.status().label(language), report.reportedBy(), s.ref()));
            }
            reporting.report(view, tertial, s.status().get(), s.comment().isEmpty() ? null : s.comment(),
                    caller.actor(Channel.TEAMS), null);
            return Optional.empty();
        } catch (ProblemException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<Person> sender(JsonNode activity) {
        JsonNode from = activity.path("from");
        return teamsPeople.person(serviceUrl(activity), conversationId(activity), from.path("id").asText(),
                from.path("aadObjectId").asText(null));
    }

    private void remember(JsonNode activity, Person person) {
        TeamsConversation reference = new TeamsConversation(person.id(), serviceUrl(activity), conversationId(activity),
                activity.path("channelData").path("tenant").path("id").asText(activity.path("conversation").path("tenantId").asText(null)),
                person.teamsUserId(), activity.path("recipient").path("id").asText(null), clock.instant());
        if (conversations.existsById(person.id())) {
            conversations.update(reference);
        } else {
            conversations.save(reference);
        }
    }

    /**
     * Answers in the conversation. When the Connector took our token but not the card (a 4xx or 5xx on the
     * post), the person is told so in a short plain message; the cause goes to the log. A refused token or an
     * unreachable Connector cannot reach them at all: the exception goes to the controller, which logs it.
     */
    private void send(JsonNode activity, ObjectNode card, String summary) throws IOException {
        ObjectNode message = TeamsCards.message(card, summary);
        if (activity.hasNonNull("id")) {
            message.put("replyToId", activity.get("id").asText());
        }
        try {
            connector.send(serviceUrl(activity), conversationId(activity), message);
        } catch (BotConnector.ConnectorException e) {
            if (e.status() == 401 || e.status() == 403 || e.status() == 0) {
                throw e;
            }
            LOG.warn("Teams answer not delivered ({}); telling the person in plain text", e.getMessage(), e);
            ObjectNode notice = TeamsCards.text("", UNAVAILABLE);
            if (activity.hasNonNull("id")) {
                notice.put("replyToId", activity.get("id").asText());
            }
            connector.send(serviceUrl(activity), conversationId(activity), notice);
        }
    }

    /** The command text: mentions of the bot and Teams' HTML removed. */
    static String text(JsonNode activity) {
        String text = MENTION.matcher(activity.path("text").asText("")).replaceAll(" ");
        if (text.contains("<")) {
            text = Jsoup.parse(text).wholeText();
        }
        return text.replace('\u00a0', ' ').strip();
    }

    private static String serviceUrl(JsonNode activity) {
        return activity.path("serviceUrl").asText();
    }

    private static String conversationId(JsonNode activity) {
        return activity.path("conversation").path("id").asText();
    }
}
