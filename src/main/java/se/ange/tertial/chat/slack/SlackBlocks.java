package se.ange.tertial.chat.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import se.ange.tertial.command.Reply;

/** Renders a platform-neutral {@link Reply} as Slack Block Kit. */
final class SlackBlocks {

    private static final int MAX_BLOCKS = 48; // Slack allows 50 per message; pages keep us below

    private SlackBlocks() {
    }

    static List<LayoutBlock> of(Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + escape(reply.heading()) + "*"))));
        for (Reply.Entry entry : reply.entries()) {
            if (blocks.size() >= MAX_BLOCKS) {
                break;
            }
            String line = "*" + escape(entry.key()) + "*" + (entry.title().isEmpty() ? "" : " " + escape(entry.title()))
                    + (entry.detail().isEmpty() ? "" : "\n" + escape(entry.detail()));
            blocks.add(section(s -> s.text(markdownText(line))));
        }
        for (String note : reply.notes()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(escape(note))))));
        }
        return blocks;
    }

    /**
     * The message's {@code text}: Slack shows it in notifications and where blocks cannot be shown, and reads
     * it as mrkdwn, so it is escaped exactly as the blocks are (a comment's {@code <!channel>} stays text).
     */
    static String fallback(Reply reply) {
        return escape(reply.toText());
    }

    /**
     * Slack's mrkdwn needs &, < and > escaped: the one escape for everything Tertial sends to Slack, blocks and
     * {@code text} alike, so that {@code <!channel>}, {@code <@U…>} or {@code <https://…|…>} in what a person
     * wrote is shown as written and never becomes a mention or a disguised link.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
