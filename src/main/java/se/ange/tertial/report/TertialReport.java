package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;

/**
 * The old mixed tertial report, replaced by {@link DepartmentReport} and {@link BoardReport} (issue 14). Nothing
 * builds it any more; it stays only until {@code PdfReport.render(TertialReport)} and
 * {@code HtmlReport.render(TertialReport)} are deleted, then goes with them.
 *
 * @param scope  "Hela kommunen" or the department (and unit)
 * @param frozen who closed the tertial and when, in words; null while the report is live
 */
public record TertialReport(Tertial tertial, String title, String scope, LocalDate date, @Nullable String frozen,
                            List<KfGoal> kfGoals, Summary summary) {

    /** @param anchor unique in the report (the plan year and the reference: "kf-2024-3.1") */
    public record KfGoal(String anchor, String ref, String title, List<KsGoal> goals) {
    }

    /** @param anchor unique in the report (the plan year and the reference: "ks-2024-3.1.1") */
    public record KsGoal(String anchor, String ref, String title, @Nullable String goalArea, Assessment assessment,
                         List<Row> activities) {
    }

    /**
     * @param value      null when there is nothing to go on (no activities, no decision)
     * @param label      e.g. "Delvis uppfylld (förslag)"
     * @param reasoning  why the rule suggests what it does
     */
    public record Assessment(@Nullable GoalAssessment value, String label, boolean suggestion,
                             @Nullable String analysis, String reasoning) {
    }

    /**
     * One activity. {@code statusLabel} is "Ej rapporterad" when nothing was reported; {@code reportedFor}
     * names an earlier tertial when the status comes from one; {@code changes} is what moved since the
     * previous tertial.
     */
    public record Row(String ref, String title, String organisation, @Nullable Status status, String statusLabel,
                      String symbol, LocalDate startDate, LocalDate endDate, @Nullable String comment,
                      @Nullable String reportedFor, List<String> changes) {
    }

    public record Count(String label, String symbol, int count) {
    }

    public record Summary(int activities, int goals, List<Count> byStatus, List<Count> byAssessment,
                          List<String> changes) {

        /** "12 aktiviteter under 3 mål." / "1 aktivitet under 1 mål." */
        public String inWords() {
            return se.ange.tertial.followup.Counted.of(activities, se.ange.tertial.followup.Counted.ACTIVITY)
                    + " under " + se.ange.tertial.followup.Counted.of(goals, se.ange.tertial.followup.Counted.GOAL) + ".";
        }
    }
}
