package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.report.ReportParts.ActivityRow;
import se.ange.tertial.report.ReportParts.GoalGroup;
import se.ange.tertial.report.ReportParts.Section;

/**
 * A department's (or unit's) uppsiktsrapport, shaped as seed 001: chapter 1 "Redovisning av arbete för de
 * politiska målen" (the intro text), one level-2 section per goal in the department's order with all its
 * activities (plan and own), then "Rapportering och uppföljning" and "Avgränsning"; chapter 2
 * "Kommunstyrelsens mål" lists every goal of the board by goal area. No goal assessments.
 *
 * @param intro      chapter 1's heading and text
 * @param goals      level-2 sections "1.1" … in the department's order
 * @param closing    the level-2 text sections after the goals ("1.13 Rapportering och uppföljning", …)
 * @param boardGoals chapter 2's heading and text ("2 Kommunstyrelsens mål")
 * @param goalGroups chapter 2's lists: per goal area, then "Verksamhetsmål för god ekonomisk hushållning"
 */
public record DepartmentReport(Tertial tertial, String title, String scope, LocalDate date, @Nullable String frozen,
                               Section intro, List<Goal> goals, List<Section> closing, Section boardGoals,
                               List<GoalGroup> goalGroups, int activityCount) implements ReportDocument {

    /** A goal with the department's activities toward it; the columns are Aktivitet, Startdatum, Slutdatum. */
    public record Goal(String number, String anchor, String title, List<ActivityRow> activities) {
    }

    @Override
    public ReportKind kind() {
        return ReportKind.UPPSIKT;
    }
}
