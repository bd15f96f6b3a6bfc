package se.ange.tertial.command;

import java.util.List;

/**
 * A platform-neutral answer: a heading, entries (one per activity or command), and notes such as how to
 * see the next page. Slack and Teams render it as blocks or cards; {@link #toText()} as plain text.
 */
public record Reply(String heading, List<Entry> entries, List<String> notes) {

    /** One line of an answer: an activity (ref, title, detail) or a command (usage, help). */
    public record Entry(String key, String title, String detail) {
    }

    public Reply {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    public static Reply of(String heading, String... notes) {
        return new Reply(heading, List.of(), List.of(notes));
    }

    public String toText() {
        StringBuilder text = new StringBuilder(heading);
        for (Entry entry : entries) {
            text.append("\n• ").append(entry.key());
            if (!entry.title().isEmpty()) {
                text.append(' ').append(entry.title());
            }
            if (!entry.detail().isEmpty()) {
                text.append(" — ").append(entry.detail());
            }
        }
        notes.forEach(note -> text.append('\n').append(note));
        return text.toString();
    }
}
