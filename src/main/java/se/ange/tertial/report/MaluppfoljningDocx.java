package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.List;
import se.ange.tertial.report.DocxDocument.Column;
import se.ange.tertial.report.DocxDocument.ContentsEntry;
import se.ange.tertial.report.ReportParts.ActivityRow;
import se.ange.tertial.report.ReportParts.Count;
import se.ange.tertial.report.ReportParts.LegendEntry;
import se.ange.tertial.report.ReportParts.MeasureRow;

/**
 * The board's måluppföljning as Word, as seed 003: cover, contents, "1 Inledning" with the legend, "2
 * Redovisning av målarbete" with a level-2 heading per KF goal and a level-3 heading per KS goal (one heading
 * when the KF goal has a single KS goal of the same title), each with its assessment, analysis, measures and
 * activities, then "3 Sammanfattning och analys" with the counts.
 */
final class MaluppfoljningDocx {

    /** Wide enough for the plan's longest words ("specialistundersköterskor"), the comment widest. */
    static final List<Column> ACTIVITY_COLUMNS = List.of(
            new Column("Verksamhetens aktiviteter", 3100),
            new Column("Status", 1350),
            new Column("Slutdatum", 1300),
            new Column("Kommentar", DocxDocument.TEXT_WIDTH - 3100 - 1350 - 1300));
    static final List<Column> MEASURE_COLUMNS = List.of(
            new Column("Mått", DocxDocument.TEXT_WIDTH - 3 * 2000),
            new Column("Utgångsvärde", 2000),
            new Column("Målvärde", 2000),
            new Column("Utfall", 2000));

    private MaluppfoljningDocx() {
    }

    static byte[] render(BoardReport report) {
        DocxDocument doc = DocxReport.start(report, contents(report));
        DocxReport.section(doc, report.intro());
        legend(doc, "Bedömning av mål", report.assessmentLegend());
        legend(doc, "Status för aktiviteter", report.statusLegend());
        DocxReport.section(doc, report.goalsChapter());
        for (BoardReport.KfGoal kf : report.kfGoals()) {
            doc.heading(2, kf.number(), kf.title());
            for (BoardReport.KsGoal ks : kf.goals()) {
                if (!kf.single()) {
                    doc.heading(3, ks.number(), ks.title());
                }
                goal(doc, ks);
            }
        }
        summary(doc, report);
        return doc.bytes();
    }

    private static List<ContentsEntry> contents(BoardReport report) {
        List<ContentsEntry> entries = new ArrayList<>();
        entries.add(DocxReport.entry(report.intro()));
        entries.add(DocxReport.entry(report.goalsChapter()));
        report.kfGoals().forEach(kf -> entries.add(ContentsEntry.of(2, kf.number(), kf.title())));
        entries.add(DocxReport.entry(report.analysis()));
        return entries;
    }

    private static void legend(DocxDocument doc, String heading, List<LegendEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        doc.lead(heading);
        entries.forEach(entry -> doc.paragraph(DocxDocument.LEGEND, DocxReport.withSymbol(entry.symbol(), entry.label())));
    }

    private static void goal(DocxDocument doc, BoardReport.KsGoal ks) {
        doc.keptWithNext(() -> {
            if (ks.goalArea() != null) {
                doc.paragraph(DocxDocument.SMALL, "Målområde: " + ks.goalArea());
            }
            ReportParts.Assessment assessment = ks.assessment();
            doc.lead(DocxReport.withSymbol(assessment.symbol(), assessment.label()));
            if (assessment.analysis() != null) {
                doc.lines(null, assessment.analysis());
            }
            if (assessment.suggestion() != null) {
                doc.lines(DocxDocument.SMALL, assessment.suggestion());
            }
            doc.lines(DocxDocument.SMALL, assessment.reasoning());
        });
        if (!ks.measures().isEmpty()) {
            measures(doc, ks.measures());
        }
        if (ks.activities().isEmpty()) {
            doc.paragraph(null, "Inga aktiviteter under målet.");
        } else {
            activities(doc, ks.activities());
        }
    }

    private static void measures(DocxDocument doc, List<MeasureRow> measures) {
        DocxDocument.Table table = doc.table(MEASURE_COLUMNS);
        for (MeasureRow measure : measures) {
            DocxDocument.Row row = table.row(true);
            table.text(row.cell(0), measure.name(), false, false);
            if (measure.direction() != null && !measure.direction().isBlank()) {
                table.text(row.cell(0), measure.direction(), false, true);
            }
            table.text(row.cell(1), measure.baseline(), false, false);
            table.text(row.cell(2), measure.target(), false, false);
            table.text(row.cell(3), measure.outcome(), false, false);
            if (measure.outcomeNote() != null) {
                table.text(row.cell(3), measure.outcomeNote(), false, true);
            }
        }
        table.end();
    }

    private static void activities(DocxDocument doc, List<ActivityRow> activities) {
        DocxDocument.Table table = doc.table(ACTIVITY_COLUMNS);
        for (ActivityRow activity : activities) {
            DocxDocument.Row row = table.row(true);
            DocxDocument.Cell first = row.cell(0);
            table.text(first, activity.title(), true, false);
            String organisation = activity.unit() == null || activity.unit().isBlank()
                    ? activity.department() : activity.department() + " • " + activity.unit();
            table.text(first, organisation, false, true);
            table.text(row.cell(1), DocxReport.withSymbol(activity.symbol(), activity.statusLabel()), false, false);
            table.text(row.cell(2), activity.endDate().toString(), false, false);
            DocxDocument.Cell comment = row.cell(3);
            if (activity.comment() != null) {
                table.text(comment, activity.comment(), false, false);
            }
            if (activity.note() != null) {
                table.text(comment, activity.note(), false, true);
            }
            activity.changes().forEach(change -> table.text(comment, change, false, true));
        }
        table.end();
    }

    private static void summary(DocxDocument doc, BoardReport report) {
        BoardReport.Summary summary = report.summary();
        doc.heading(report.analysis().level(), report.analysis().number(), report.analysis().heading());
        doc.lines(null, summary.inWords());
        counts(doc, "Bedömning", "Antal mål", summary.byAssessment());
        counts(doc, "Status", "Antal aktiviteter", summary.byStatus());
        if (!summary.changes().isEmpty()) {
            doc.lead("Förändringar sedan förra tertialen");
            summary.changes().forEach(doc::bullet);
        }
        DocxReport.paragraphs(doc, report.analysis());
    }

    private static void counts(DocxDocument doc, String label, String count, List<Count> counts) {
        DocxDocument.Table table = doc.table(List.of(new Column(label, DocxDocument.TEXT_WIDTH - 2500), new Column(count, 2500)));
        for (Count each : counts) {
            DocxDocument.Row row = table.row(true);
            table.text(row.cell(0), DocxReport.withSymbol(each.symbol(), each.label()), false, false);
            table.text(row.cell(1), String.valueOf(each.count()), false, false);
        }
        table.end();
    }
}
