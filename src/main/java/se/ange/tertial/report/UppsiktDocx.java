package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.List;
import se.ange.tertial.report.DocxDocument.Column;
import se.ange.tertial.report.DocxDocument.ContentsEntry;
import se.ange.tertial.report.ReportParts.ActivityRow;
import se.ange.tertial.report.ReportParts.GoalGroup;

/**
 * The uppsiktsrapport as Word, as seed 001: cover, contents, chapter 1 with its text, per goal a level-2
 * heading and one table of its activities (Verksamhetens aktiviteter | Startdatum | Slutdatum), the closing
 * sections, and chapter 2 with the board's goals per goal area.
 */
final class UppsiktDocx {

    /** The dates' columns fit "2024-12-31" and their header on one line; the activity takes the rest. */
    static final int DATE_WIDTH = 1450;
    static final List<Column> COLUMNS = List.of(
            new Column("Verksamhetens aktiviteter", DocxDocument.TEXT_WIDTH - 2 * DATE_WIDTH),
            new Column("Startdatum", DATE_WIDTH),
            new Column("Slutdatum", DATE_WIDTH));

    private UppsiktDocx() {
    }

    static byte[] render(DepartmentReport report) {
        DocxDocument doc = DocxReport.start(report, contents(report));
        DocxReport.section(doc, report.intro());
        for (DepartmentReport.Goal goal : report.goals()) {
            doc.heading(2, goal.number(), goal.title());
            if (goal.activities().isEmpty()) {
                doc.paragraph(null, "Inga aktiviteter är planerade mot målet.");
            } else {
                activities(doc, goal.activities());
            }
        }
        report.closing().forEach(section -> DocxReport.section(doc, section));
        DocxReport.section(doc, report.boardGoals());
        for (GoalGroup group : report.goalGroups()) {
            doc.lead(group.heading());
            group.goals().forEach(doc::bullet);
        }
        return doc.bytes();
    }

    private static List<ContentsEntry> contents(DepartmentReport report) {
        List<ContentsEntry> entries = new ArrayList<>();
        entries.add(DocxReport.entry(report.intro()));
        report.goals().forEach(goal -> entries.add(ContentsEntry.of(2, goal.number(), goal.title())));
        report.closing().forEach(section -> entries.add(DocxReport.entry(section)));
        entries.add(DocxReport.entry(report.boardGoals()));
        return entries;
    }

    private static void activities(DocxDocument doc, List<ActivityRow> activities) {
        DocxDocument.Table table = doc.table(COLUMNS);
        for (ActivityRow activity : activities) {
            // long comments may run over a page break: only the header row is kept whole
            DocxDocument.Row row = table.row(false);
            DocxDocument.Cell cell = row.cell(0);
            DocxXml title = table.paragraph(cell, DocxDocument.TABLE_TEXT);
            DocxDocument.run(title, activity.title(), true, false);
            if (activity.unit() != null && !activity.unit().isBlank()) {
                DocxDocument.run(title, " • " + activity.unit(), false, false);
            }
            if (activity.description() != null) {
                table.text(cell, activity.description(), false, false);
            }
            table.text(cell, DocxReport.withSymbol(activity.symbol(), activity.statusLabel()), true, false);
            if (activity.comment() != null) {
                table.text(cell, activity.comment(), false, false);
            }
            if (activity.note() != null) {
                table.text(cell, activity.note(), false, true);
            }
            activity.changes().forEach(change -> table.text(cell, change, false, true));
            table.text(row.cell(1), activity.startDate().toString(), false, false);
            table.text(row.cell(2), activity.endDate().toString(), false, false);
        }
        table.end();
    }
}
