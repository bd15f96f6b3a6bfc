package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.List;
import se.ange.tertial.report.PdfText.Run;
import se.ange.tertial.report.PdfText.Style;
import se.ange.tertial.report.ReportParts.ActivityRow;
import se.ange.tertial.report.ReportParts.Section;

/**
 * The board's måluppföljning's chapters as PDF, as {@code report/maluppfoljning.html} lays them out: "1 Inledning"
 * with the legends, "2 Redovisning av målarbete" with a heading per KF goal and per KS goal (one heading when the KF
 * goal has a single KS goal), each with its assessment, measures and activities, then "3 Sammanfattning och analys"
 * with the counts.
 */
final class MaluppfoljningPdf {

    private static final float MM = PdfBlocks.MM;

    private final PdfBlocks blocks;

    MaluppfoljningPdf(PdfBlocks blocks) {
        this.blocks = blocks;
    }

    void draw(BoardReport report) {
        blocks.chapter(report.intro());
        float[] legendShares = {19 * MM / (PdfPages.CONTENT_WIDTH * 0.6f), 1 - 19 * MM / (PdfPages.CONTENT_WIDTH * 0.6f)};
        blocks.table("Bedömning av mål", 0.6f, legendShares, List.of("Symbol", "Bedömning"), legend(report.assessmentLegend()));
        blocks.table("Status för aktiviteter", 0.6f, legendShares, List.of("Symbol", "Status"), legend(report.statusLegend()));

        blocks.chapter(report.goalsChapter());
        for (BoardReport.KfGoal kf : report.kfGoals()) {
            blocks.heading(2, kf.number() + " " + kf.title(), kf.anchor());
            if (kf.single()) {
                ksGoalBody(kf.goals().get(0), kf.number());
            } else {
                for (BoardReport.KsGoal ks : kf.goals()) {
                    blocks.heading(3, ks.number() + " " + ks.title(), ks.anchor());
                    ksGoalBody(ks, ks.number());
                }
            }
        }

        blocks.flow.add(new PdfFlow.PageBreak());
        Section analysis = report.analysis();
        blocks.heading(1, analysis.number() + " " + analysis.heading(), analysis.anchor());
        blocks.paragraph(report.summary().inWords(), blocks.body);
        float[] countShares = {0.75f, 0.25f};
        blocks.table("Mål per bedömning", 0.7f, countShares, List.of("Bedömning", "Antal mål"), counts(report.summary().byAssessment()));
        blocks.table("Aktiviteter per status", 0.7f, countShares, List.of("Status", "Antal aktiviteter"), counts(report.summary().byStatus()));
        if (!report.summary().changes().isEmpty()) {
            blocks.heading(2, "Förändringar sedan förra tertialen", null);
            blocks.list(report.summary().changes());
        }
        blocks.paragraphs(analysis);
        blocks.flow.draw();
    }

    private List<List<PdfTable.Cell>> legend(List<ReportParts.LegendEntry> entries) {
        List<List<PdfTable.Cell>> rows = new ArrayList<>();
        for (ReportParts.LegendEntry entry : entries) {
            rows.add(List.of(blocks.cell(PdfBlocks.printable(entry.symbol()), false, PdfTable.Align.CENTRE),
                    blocks.cell(entry.label())));
        }
        return rows;
    }

    private List<List<PdfTable.Cell>> counts(List<ReportParts.Count> counts) {
        List<List<PdfTable.Cell>> rows = new ArrayList<>();
        for (ReportParts.Count count : counts) {
            rows.add(List.of(blocks.cell(new Run(PdfBlocks.printable(count.symbol()), blocks.body),
                            new Run(" " + count.label(), blocks.body)),
                    blocks.cell(String.valueOf(count.count()), false, PdfTable.Align.RIGHT)));
        }
        return rows;
    }

    /** A KS goal's assessment, measures and activities; {@code number} is how captions name the goal. */
    private void ksGoalBody(BoardReport.KsGoal ks, String number) {
        Style body = blocks.body;
        Style small = blocks.small;
        if (ks.goalArea() != null) {
            blocks.paragraph("Målområde: " + ks.goalArea(), small);
        }
        ReportParts.Assessment assessment = ks.assessment();
        Style large = body.withSize(10.5f);
        blocks.paragraph(List.of(new Run(PdfBlocks.printable(assessment.symbol()), large), new Run(" ", large),
                new Run(assessment.label(), blocks.bold.withSize(10.5f))), large, MM, 2.5f * MM);
        if (assessment.analysis() != null) {
            blocks.paragraph(List.of(new Run(assessment.analysis(), body)), body, 0, 2 * MM);
        }
        if (assessment.suggestion() != null) {
            blocks.paragraph(assessment.suggestion(), small);
        }
        blocks.paragraph(assessment.reasoning(), small);
        if (!ks.measures().isEmpty()) {
            List<List<PdfTable.Cell>> rows = new ArrayList<>();
            for (ReportParts.MeasureRow m : ks.measures()) {
                List<Run> outcome = new ArrayList<>(List.of(new Run(m.outcome(), body)));
                if (m.outcomeNote() != null) {
                    outcome.add(new Run("\n" + m.outcomeNote(), small));
                }
                rows.add(List.of(blocks.cell(new Run(m.name(), body), new Run(" (" + m.direction() + ")", small)),
                        blocks.cell(m.baseline()), blocks.cell(m.target()), PdfTable.Cell.of(outcome)));
            }
            blocks.table("Mått för mål " + number, 1, new float[] {0.40f, 0.17f, 0.17f, 0.26f},
                    List.of("Mått", "Utgångsvärde", "Målvärde", "Utfall"), rows);
        }
        if (ks.activities().isEmpty()) {
            blocks.paragraph("Inga aktiviteter i tertialen.", blocks.empty);
            return;
        }
        List<List<PdfTable.Cell>> rows = new ArrayList<>();
        for (ActivityRow a : ks.activities()) {
            List<List<Run>> notes = new ArrayList<>();
            blocks.notes(a, notes);
            String unit = a.unit() != null ? a.department() + " • " + a.unit() : a.department();
            rows.add(List.of(blocks.cell(new Run(a.title(), blocks.bold), new Run("\n" + unit, small)),
                    blocks.cell(new Run(PdfBlocks.printable(a.symbol()), body), new Run(" " + a.statusLabel(), body)),
                    blocks.cell(a.endDate().toString(), true, PdfTable.Align.LEFT),
                    new PdfTable.Cell(notes, false, PdfTable.Align.LEFT)));
        }
        blocks.table("Verksamhetens aktiviteter för mål " + number, 1, new float[] {0.27f, 0.19f, 0.13f, 0.41f},
                List.of("Verksamhetens aktiviteter", "Status", "Slutdatum", "Kommentar"), rows);
    }
}
