package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.report.ReportParts.ActivityRow;
import se.ange.tertial.report.ReportParts.Assessment;
import se.ange.tertial.report.ReportParts.Count;
import se.ange.tertial.report.ReportParts.LegendEntry;
import se.ange.tertial.report.ReportParts.MeasureRow;
import se.ange.tertial.report.ReportParts.Section;

/**
 * The board's måluppföljning, shaped as seed 003: "1 Inledning" (text and the legend of assessments and
 * statuses), "2 Redovisning av målarbete" with per KF goal its KS goals (decided assessment with symbol and
 * analysis, measures, then the activities: Status / Slutdatum / Kommentar), "3 Sammanfattning och analys"
 * (the counts of decisions and statuses, then the analysis text).
 */
public record BoardReport(Tertial tertial, String title, String scope, LocalDate date, @Nullable String frozen,
                          Section intro, List<LegendEntry> assessmentLegend, List<LegendEntry> statusLegend,
                          Section goalsChapter, List<KfGoal> kfGoals, Section analysis, Summary summary)
        implements ReportDocument {

    /**
     * A KF goal (level 2, "2.1"). When it has one KS goal of the same title, {@code single} is true and the
     * document prints one heading for both (never "4.1 Sjukfrånvaron ska minska" twice).
     */
    public record KfGoal(String number, String anchor, String ref, String title, boolean single,
                         List<KsGoal> goals) {
    }

    /** A KS goal (level 3, "2.1.1"). */
    public record KsGoal(String number, String anchor, String ref, String title, @Nullable String goalArea,
                         Assessment assessment, List<MeasureRow> measures, List<ActivityRow> activities) {
    }

    /**
     * @param byAssessment decisions only, per assessment, then "Ej bedömd" (goals nobody decided)
     * @param inWords      "35 aktiviteter under 13 mål; 4 mål är bedömda." with number agreement
     */
    public record Summary(int activities, int goals, List<Count> byAssessment, List<Count> byStatus,
                          List<String> changes, String inWords) {
    }

    @Override
    public ReportKind kind() {
        return ReportKind.MALUPPFOLJNING;
    }
}
