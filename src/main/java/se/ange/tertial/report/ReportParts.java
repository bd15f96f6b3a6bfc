package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Status;

/** The parts both report kinds are made of. Numbers ("1.2", "2.1.1") and anchors are decided by the builder. */
public final class ReportParts {

    private ReportParts() {
    }

    /**
     * A paragraph of a text section. {@code quote}: set off as a quotation (the styrmodell quote in the
     * uppsiktsrapport's intro); in the stored text such a paragraph starts with "> ".
     */
    public record Paragraph(String text, boolean quote) {
    }

    /**
     * A numbered heading with its text, e.g. "1.13 Rapportering och uppföljning".
     *
     * @param level 1 for a chapter, 2 below it (the table of contents lists levels 1 and 2)
     */
    public record Section(String number, String heading, String anchor, int level, List<Paragraph> paragraphs) {
    }

    /**
     * One activity. {@code statusLabel} is "Ej rapporterad" when nothing was reported; {@code note} says
     * what the reader must know beside the status ("Senast rapporterad för 2024-T1", "Rapporterad före
     * planerad start 2024-09-01") or is null; {@code changes} is what moved since the previous tertial.
     *
     * @param own true for the department's own activity, false for one of the board's plan
     */
    public record ActivityRow(String ref, String title, @Nullable String unit, String department,
                              @Nullable String description, boolean own, @Nullable Status status,
                              String statusLabel, String symbol, LocalDate startDate, LocalDate endDate,
                              @Nullable String comment, @Nullable String note, List<String> changes) {
    }

    /**
     * A measure (mått) of a goal, every value already formatted in Swedish ("12,49 %"; "–" when missing).
     *
     * @param outcomeNote e.g. "Utfall för 2024-T1, rapporterat av Sara Lindqvist 2 maj 2024", or null
     */
    public record MeasureRow(String name, String baseline, String target, String direction, String outcome,
                             @Nullable String outcomeNote) {
    }

    /**
     * A goal's assessment in the board's report. {@code decided} null: nobody decided, {@code label} is
     * "Ej bedömd" and {@code suggestion} carries the rule's suggestion in words ("Förslag: Delvis uppfylld"),
     * never counted as a decision.
     *
     * @param reasoning how the suggestion was reached, naming its basis ("Bedömt efter målets mått: …" or
     *                  "Bedömt efter aktiviteterna: …")
     */
    public record Assessment(@Nullable GoalAssessment decided, String label, String symbol,
                             @Nullable String analysis, @Nullable String suggestion, String reasoning) {
    }

    /** A label with its symbol and how many: "▶ Pågående enligt plan 12", "● Uppfylld 3". */
    public record Count(String label, String symbol, int count) {
    }

    /** A symbol and what it means, for the legend. */
    public record LegendEntry(String symbol, String label) {
    }

    /** A heading with a list under it: "Mål inom målområde Barn och Unga" and its goals' titles. */
    public record GoalGroup(String heading, List<String> goals) {
    }
}
