package se.ange.tertial.web.report;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One activity as the report form shows it: what it is, whether it is reported for the asked tertial, the
 * six statuses to choose from (the chosen one prefilled from the last report) and any errors of a post.
 *
 * @param deputyFor  the absent owner's name, when the viewer holds the activity as their deputy
 * @param reported   the status reported for {@code tertial}, or null when it is still missing
 * @param from       the page the form returns to ({@code /mina} or the activity's own page)
 */
public record ReportCard(String ref, String title, String goal, String endDate, boolean endPassed,
                         @Nullable String deputyFor, String tertial, @Nullable String reported,
                         @Nullable String reportedComment, List<StatusOption> statuses, String comment,
                         boolean canReport, String from, @Nullable String statusError, @Nullable String commentError,
                         @Nullable String formError, boolean justSaved) {

    /** A radio button: the status's name (the value sent), its number 1–6 and its label with its symbol. */
    public record StatusOption(String value, int number, String label, boolean checked, boolean deviation) {
    }

    public boolean hasErrors() {
        return statusError != null || commentError != null || formError != null;
    }

    public String id() {
        return "a-" + ref.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
