package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.List;
import se.ange.tertial.report.PdfText.Run;
import se.ange.tertial.report.ReportParts.ActivityRow;

/**
 * The uppsiktsrapport's chapters as PDF, as {@code report/uppsikt.html} lays them out: chapter 1 with its text, per
 * goal a heading and a table of its activities (activity, start date, end date), the closing sections, and
 * chapter 2 with the board's goals per goal area.
 */
final class UppsiktPdf {

    private final PdfBlocks blocks;

    UppsiktPdf(PdfBlocks blocks) {
        this.blocks = blocks;
    }

    void draw(DepartmentReport report) {
        blocks.chapter(report.intro());
        for (DepartmentReport.Goal goal : report.goals()) {
            blocks.heading(2, goal.number() + " " + goal.title(), goal.anchor());
            if (goal.activities().isEmpty()) {
                blocks.paragraph("Verksamheten har inga aktiviteter mot målet i tertialen.", blocks.empty);
                continue;
            }
            List<List<PdfTable.Cell>> rows = new ArrayList<>();
            for (ActivityRow a : goal.activities()) {
                rows.add(List.of(new PdfTable.Cell(activity(a), false, PdfTable.Align.LEFT),
                        blocks.cell(a.startDate().toString(), true, PdfTable.Align.LEFT),
                        blocks.cell(a.endDate().toString(), true, PdfTable.Align.LEFT)));
            }
            blocks.table("Verksamhetens aktiviteter för mål " + goal.number(), 1, new float[] {0.74f, 0.13f, 0.13f},
                    List.of("Verksamhetens aktiviteter", "Startdatum", "Slutdatum"), rows);
        }
        report.closing().forEach(blocks::textSection);
        blocks.chapter(report.boardGoals());
        for (ReportParts.GoalGroup group : report.goalGroups()) {
            blocks.heading(2, group.heading(), null, 11); // .goal-group h2 { font-size: 11pt }
            blocks.list(group.goals());
        }
        blocks.flow.draw();
    }

    /** The activity's cell: title (and unit), description, status, then the comment, note and changes. */
    private List<List<Run>> activity(ActivityRow a) {
        List<List<Run>> paragraphs = new ArrayList<>();
        List<Run> title = new ArrayList<>(List.of(new Run(a.title(), blocks.bold)));
        if (a.unit() != null) {
            title.add(new Run(" • " + a.unit(), blocks.small));
        }
        paragraphs.add(title);
        if (a.description() != null) {
            paragraphs.add(List.of(new Run(a.description(), blocks.body)));
        }
        paragraphs.add(List.of(new Run(PdfBlocks.printable(a.symbol()), blocks.body), new Run(" ", blocks.body),
                new Run(a.statusLabel(), blocks.bold)));
        blocks.notes(a, paragraphs);
        return paragraphs;
    }
}
