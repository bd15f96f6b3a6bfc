package se.ange.tertial.chat.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.notify.ReminderEntries;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;

/**
 * A reminder as a Slack DM: one section per activity with a select of the six statuses (choosing one opens
 * a modal for the comment); an activity already reported for the tertial shows what was recorded instead.
 */
final class SlackReminders {

    static final String ACTION = "report_status";

    /** What one select option carries back: the outbox message, the activity, the tertial, the status. */
    record Choice(long messageId, String ref, String tertial, Status status) {
        String value() {
            return messageId + "|" + ref + "|" + tertial + "|" + status.name();
        }

        /**
         * The choice as {@link #value()} wrote it; anything else (it comes back from Slack, signed but not
         * necessarily ours) is a {@link SlackMalformed} naming what is wrong.
         */
        static Choice parse(String value) {
            String[] parts = value == null ? new String[0] : value.split("\\|", -1);
            if (parts.length != 4) {
                throw new SlackMalformed("statusvalet är inte ett som Tertial har skickat");
            }
            long messageId;
            try {
                messageId = Long.parseLong(parts[0]);
            } catch (NumberFormatException e) {
                throw new SlackMalformed("statusvalet hör inte till någon påminnelse");
            }
            if (parts[1].isBlank() || parts[1].length() > 40) {
                throw new SlackMalformed("statusvalet saknar en aktivitet");
            }
            try {
                Tertial.parse(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new SlackMalformed("tertialen \"" + shortened(parts[2]) + "\" finns inte");
            }
            Status status = Arrays.stream(Status.values()).filter(s -> s.name().equals(parts[3])).findFirst()
                    .orElseThrow(() -> new SlackMalformed("statusen \"" + shortened(parts[3]) + "\" finns inte"));
            return new Choice(messageId, parts[1], parts[2], status);
        }

        private static String shortened(String text) {
            return text.length() > 20 ? text.substring(0, 20) + "…" : text;
        }
    }

    private SlackReminders() {
    }

    static List<LayoutBlock> blocks(long messageId, String heading, List<ReminderEntries.Entry> items, Language language) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + SlackBlocks.escape(heading) + "*"))));
        for (ReminderEntries.Entry item : items) {
            ActivityView view = item.activity();
            Optional<StatusReport> reported = item.reported();
            String text = "*" + SlackBlocks.escape(view.ref()) + "* " + SlackBlocks.escape(view.activity().title()) + "\n"
                    + (language == Language.EN ? "ends " : "slut ") + view.activity().endDate();
            if (reported.isPresent()) {
                StatusReport report = reported.get();
                String recorded = (language == Language.EN ? "Recorded: " : "Registrerat: ") + report.status().symbol() + " "
                        + report.status().label(language) + (report.comment() == null ? "" : " – " + report.comment());
                blocks.add(section(s -> s.text(markdownText(text + "\n" + SlackBlocks.escape(recorded)))));
            } else {
                List<OptionObject> options = Arrays.stream(Status.values())
                        .map(status -> option(plainText((status.ordinal() + 1) + " " + status.label(language)),
                                new Choice(messageId, view.ref(), item.tertial(), status).value()))
                        .toList();
                blocks.add(section(s -> s.blockId("activity-" + view.ref()).text(markdownText(text))
                        .accessory(staticSelect(select -> select.actionId(ACTION)
                                .placeholder(plainText(language == Language.EN ? "Choose status" : "Välj status"))
                                .options(options)))));
            }
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(language == Language.EN
                ? "Or write `/tertial status KS2024-017 2: comment`."
                : "Eller skriv `/tertial status KS2024-017 2: kommentar`.")))));
        return blocks;
    }

    static String heading(List<ReminderEntries.Entry> items, Language language) {
        String tertial = items.stream().map(ReminderEntries.Entry::tertial).findFirst().orElse("");
        String close = tertial.isEmpty() ? "" : Tertial.parse(tertial).closingDate().toString();
        return language == Language.EN
                ? "Please report the status for " + tertial + " by " + close + ":"
                : "Rapportera status för " + tertial + " senast " + close + ":";
    }
}
