package se.ange.tertial.register.importer;

import java.util.List;
import se.ange.tertial.register.activity.ActivityStore;

/**
 * One line of an activity import and what importing it did (or, rehearsed, would do): the file line, the ref
 * and title, created, updated or left unchanged. What a preview lists line by line.
 */
public record ImportLine(int line, String ref, String title, ActivityStore.Outcome outcome) {

    /** The counts of the API's answer. */
    public static ImportResult counted(List<ImportLine> lines) {
        int[] counts = new int[ActivityStore.Outcome.values().length];
        lines.forEach(line -> counts[line.outcome().ordinal()]++);
        return new ImportResult(counts[0], counts[1], counts[2]);
    }
}
