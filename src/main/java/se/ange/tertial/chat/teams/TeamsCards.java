package se.ange.tertial.chat.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import se.ange.tertial.command.Reply;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.notify.ReminderEntries;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;

/**
 * Adaptive Cards (schema 1.4, what Teams renders) for command answers and reminders. A reminder has one
 * container per activity: a choice of the six statuses, a comment field and a save button
 * ({@code Action.Execute}, so Teams replaces the card with the one we answer). Each button's data says
 * which report the card was showing, so a stale card cannot silently overwrite a newer report.
 */
final class TeamsCards {

    /** Jackson for free-form Bot Framework JSON (the service's own DTOs go through Micronaut Serde). */
    static final com.fasterxml.jackson.databind.ObjectMapper JSON_MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String VERB = "report";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What a save button sends back, with the inputs Teams merges into it. */
    record Submission(long messageId, String ref, String tertial, long seenReportId, Optional<Status> status,
                      String comment) {

        static Optional<Submission> of(ObjectNode data) {
            if (!VERB.equals(data.path("tertial").asText()) || !data.hasNonNull("ref")) {
                return Optional.empty();
            }
            String ref = data.path("ref").asText();
            String chosen = data.path(statusInput(ref)).asText("");
            Optional<Status> status = java.util.Arrays.stream(Status.values())
                    .filter(s -> s.name().equals(chosen)).findFirst();
            return Optional.of(new Submission(data.path("messageId").asLong(), ref, data.path("period").asText(),
                    data.path("seen").asLong(0), status, data.path(commentInput(ref)).asText("").strip()));
        }
    }

    private TeamsCards() {
    }

    static ObjectNode reply(Reply reply) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(heading(reply.heading()));
        for (Reply.Entry entry : reply.entries()) {
            ObjectNode line = plain(run(entry.key()).put("weight", "Bolder"),
                    run(entry.title().isEmpty() ? "" : " " + entry.title())).put("separator", true);
            body.add(line);
            if (!entry.detail().isEmpty()) {
                body.add(plain(run(entry.detail()).put("isSubtle", true)).put("spacing", "None"));
            }
        }
        reply.notes().forEach(note -> body.add(plain(run(note).put("isSubtle", true).put("size", "Small"))));
        return card;
    }

    /** A heading and a prepared text (the weekly stab summary for a channel). */
    static ObjectNode textCard(String heading, String body) {
        ObjectNode card = card();
        card.withArray("body").add(heading(heading));
        card.withArray("body").add(plain(run(body)));
        return card;
    }

    static ObjectNode reminder(long messageId, List<ReminderEntries.Entry> items, Language language, Optional<String> notice) {
        boolean en = language == Language.EN;
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(heading(heading(items, language)));
        notice.ifPresent(text -> body.add(plain(run(text).put("color", "Attention"))));
        for (ReminderEntries.Entry item : items) {
            ActivityView view = item.activity();
            ObjectNode container = JSON.objectNode().put("type", "Container").put("separator", true);
            ArrayNode parts = container.withArray("items");
            parts.add(plain(run(view.ref()).put("weight", "Bolder"), run(" " + view.activity().title())));
            parts.add(plain(run((en ? "Ends " : "Slut ") + view.activity().endDate()).put("isSubtle", true)).put("spacing", "None"));
            Optional<StatusReport> reported = item.reported();
            if (reported.isPresent()) {
                StatusReport report = reported.get();
                parts.add(plain(run((en ? "Recorded: " : "Registrerat: ") + report.status().symbol() + " "
                        + report.status().label(language) + (report.comment() == null ? "" : " – " + report.comment()))));
            } else {
                ArrayNode choices = JSON.arrayNode();
                for (Status status : Status.values()) {
                    choices.add(JSON.objectNode().put("title", (status.ordinal() + 1) + " " + status.label(language))
                            .put("value", status.name()));
                }
                parts.add(JSON.objectNode().put("type", "Input.ChoiceSet").put("id", statusInput(view.ref()))
                        .put("style", "compact").put("label", en ? "Status" : "Status")
                        .put("placeholder", en ? "Choose status" : "Välj status").set("choices", choices));
                parts.add(JSON.objectNode().put("type", "Input.Text").put("id", commentInput(view.ref()))
                        .put("isMultiline", true).put("label", en ? "Comment" : "Kommentar")
                        .put("placeholder", en ? "Required when there is a deviation" : "Behövs vid avvikelse"));
                ObjectNode data = JSON.objectNode().put("tertial", VERB).put("messageId", messageId)
                        .put("ref", view.ref()).put("period", item.tertial()).put("seen", 0);
                ObjectNode save = JSON.objectNode().put("type", "Action.Execute").put("verb", VERB)
                        .put("title", (en ? "Save " : "Spara ") + view.ref());
                save.set("data", data);
                ObjectNode actions = JSON.objectNode().put("type", "ActionSet");
                actions.withArray("actions").add(save);
                parts.add(actions);
            }
            body.add(container);
        }
        body.add(plain(run(en ? "Or write: status KS2024-017 2: comment" : "Eller skriv: status KS2024-017 2: kommentar")
                .put("isSubtle", true).put("size", "Small")));
        return card;
    }

    static String heading(List<ReminderEntries.Entry> items, Language language) {
        String tertial = items.stream().map(ReminderEntries.Entry::tertial).findFirst().orElse("");
        String close = tertial.isEmpty() ? "" : Tertial.parse(tertial).closingDate().toString();
        return language == Language.EN
                ? "Please report the status for " + tertial + " by " + close
                : "Rapportera status för " + tertial + " senast " + close;
    }

    /** A message activity carrying one card; {@code summary} is what notifications and old clients show. */
    static ObjectNode message(ObjectNode card, String summary) {
        ObjectNode activity = JSON.objectNode().put("type", "message").put("summary", summary);
        activity.withArray("attachments").add(JSON.objectNode().put("contentType", CARD_TYPE).set("content", card));
        return activity;
    }

    /** A plain message: a prepared answer or notice from the outbox. */
    static ObjectNode text(String subject, String body) {
        String text = subject.isBlank() ? String.valueOf(body) : subject + "\n\n" + body;
        return JSON.objectNode().put("type", "message").put("textFormat", "plain").put("text", text);
    }

    /** The answer to an {@code adaptiveCard/action} invoke that replaces the card. */
    static ObjectNode invokeResponse(ObjectNode card) {
        ObjectNode response = JSON.objectNode().put("statusCode", 200).put("type", CARD_TYPE);
        response.set("value", card);
        return response;
    }

    static String statusInput(String ref) {
        return "status_" + ref;
    }

    static String commentInput(String ref) {
        return "comment_" + ref;
    }

    private static ObjectNode card() {
        ObjectNode card = JSON.objectNode().put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("version", "1.4");
        card.withArray("body");
        return card;
    }

    /**
     * Text as it was written: titles and comments come from people, so never through TextBlock's markdown
     * (a comment must not turn into a link in a manager's card); RichTextBlock's runs are plain.
     */
    private static ObjectNode plain(ObjectNode... runs) {
        ObjectNode block = JSON.objectNode().put("type", "RichTextBlock");
        ArrayNode inlines = block.withArray("inlines");
        for (ObjectNode run : runs) {
            inlines.add(run);
        }
        return block;
    }

    private static ObjectNode run(String text) {
        return JSON.objectNode().put("type", "TextRun").put("text", text);
    }

    private static ObjectNode heading(String text) {
        return plain(run(text).put("weight", "Bolder").put("size", "Medium"));
    }

    /** The text of every block of a card, in order (what a reader sees, for logs and tests). */
    static java.util.List<String> texts(com.fasterxml.jackson.databind.JsonNode card) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        collect(card.path("body"), texts);
        return texts;
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode blocks, java.util.List<String> texts) {
        for (com.fasterxml.jackson.databind.JsonNode block : blocks) {
            if (block.has("inlines")) {
                StringBuilder line = new StringBuilder();
                block.get("inlines").forEach(inline -> line.append(inline.path("text").asText()));
                texts.add(line.toString());
            } else if (block.has("text")) {
                texts.add(block.get("text").asText());
            }
            collect(block.path("items"), texts);
        }
    }
}
