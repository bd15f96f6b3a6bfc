package se.ange.tertial.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFldChar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The reports as editable Word documents. {@link #render(ReportDocument)} is the one for issue 14: both
 * report kinds on the shared {@link DocxDocument} (A4, embedded DejaVu Sans, Swedish styles, footer, contents),
 * laid out by {@link UppsiktDocx} and {@link MaluppfoljningDocx}. {@code render(TertialReport)} is the earlier
 * single report, kept until the old model is removed.
 */
final class DocxReport {

    static final String TITLE = "Title";
    static final String HEADING_1 = "Heading1";
    static final String HEADING_2 = "Heading2";
    static final String HEADING_3 = "Heading3";

    private DocxReport() {
    }

    static byte[] render(TertialReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(doc);
            doc.getProperties().getCoreProperties().setTitle(report.title() + " – " + report.scope());
            doc.getProperties().getCoreProperties().setCreator("Tertial");
            cover(doc, report);
            toc(doc);
            summary(doc, report);
            // goals from two plan years (an unfinished activity not carried over) are told apart by their year
            boolean severalYears = report.kfGoals().stream().map(kf -> planYear(kf.anchor())).distinct().count() > 1;
            for (TertialReport.KfGoal kf : report.kfGoals()) {
                heading(doc, HEADING_1, kf.ref() + " " + kf.title()
                        + (severalYears ? " (plan " + planYear(kf.anchor()) + ")" : ""));
                for (TertialReport.KsGoal ks : kf.goals()) {
                    goal(doc, ks);
                }
            }
            doc.enforceUpdateFields();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cover(XWPFDocument doc, TertialReport report) {
        for (int i = 0; i < 6; i++) {
            doc.createParagraph();
        }
        XWPFParagraph title = doc.createParagraph();
        title.setStyle(TITLE);
        title.createRun().setText(report.title());
        text(doc, "Uppföljning av kommunstyrelsens mål", false, 14);
        text(doc, report.scope(), true, 16);
        text(doc, "Datum: " + report.date(), false, 11);
        text(doc, report.frozen() != null ? report.frozen()
                : "Preliminär: tertialen är inte låst, rapporten visar registret som det är nu.", false, 10);
        doc.getLastParagraph().createRun().addBreak(BreakType.PAGE);
    }

    private static void toc(XWPFDocument doc) {
        XWPFParagraph heading = doc.createParagraph();
        heading.setStyle(TITLE);
        heading.createRun().setText("Innehåll");
        XWPFParagraph field = doc.createParagraph();
        fieldChar(field, STFldCharType.BEGIN);
        CTText instruction = field.createRun().getCTR().addNewInstrText();
        instruction.setStringValue(" TOC \\o \"1-3\" \\h \\z \\u ");
        instruction.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        fieldChar(field, STFldCharType.SEPARATE);
        field.createRun().setText("Innehållsförteckningen uppdateras när dokumentet öppnas (eller: högerklicka, Uppdatera fält).");
        fieldChar(field, STFldCharType.END);
        field.createRun().addBreak(BreakType.PAGE);
    }

    private static void fieldChar(XWPFParagraph paragraph, STFldCharType.Enum type) {
        CTFldChar fldChar = paragraph.createRun().getCTR().addNewFldChar();
        fldChar.setFldCharType(type);
        if (type == STFldCharType.BEGIN) {
            fldChar.setDirty(true);
        }
    }

    private static void summary(XWPFDocument doc, TertialReport report) {
        TertialReport.Summary summary = report.summary();
        heading(doc, HEADING_1, "Sammanfattning");
        text(doc, summary.inWords(), false, 0);
        heading(doc, HEADING_2, "Aktiviteter per status");
        counts(doc, "Status", summary.byStatus(), true);
        heading(doc, HEADING_2, "Mål per bedömning");
        counts(doc, "Bedömning", summary.byAssessment(), false);
        if (!summary.changes().isEmpty()) {
            heading(doc, HEADING_2, "Förändringar sedan förra tertialen");
            summary.changes().forEach(change -> text(doc, "• " + change, false, 0));
        }
    }

    private static void counts(XWPFDocument doc, String label, List<TertialReport.Count> counts, boolean symbols) {
        XWPFTable table = doc.createTable(counts.size() + 1, 2);
        header(table.getRow(0), List.of(label, "Antal"));
        for (int i = 0; i < counts.size(); i++) {
            TertialReport.Count count = counts.get(i);
            cell(table.getRow(i + 1).getCell(0), (symbols ? count.symbol() + " " : "") + count.label(), false);
            cell(table.getRow(i + 1).getCell(1), String.valueOf(count.count()), false);
        }
        width(table, 6000);
    }

    /** The plan year in an anchor such as "kf-2024-3.1". */
    private static String planYear(String anchor) {
        return anchor.split("-")[1];
    }

    private static void goal(XWPFDocument doc, TertialReport.KsGoal ks) {
        heading(doc, HEADING_2, ks.ref() + " " + ks.title());
        if (ks.goalArea() != null) {
            text(doc, "Målområde: " + ks.goalArea(), false, 0);
        }
        heading(doc, HEADING_3, "Bedömning: " + ks.assessment().label());
        if (ks.assessment().analysis() != null) {
            text(doc, ks.assessment().analysis(), false, 0);
        }
        XWPFParagraph reasoning = doc.createParagraph();
        XWPFRun run = reasoning.createRun();
        run.setItalic(true);
        run.setFontSize(9);
        run.setText("Underlag: " + ks.assessment().reasoning());
        heading(doc, HEADING_3, "Aktiviteter");
        if (ks.activities().isEmpty()) {
            text(doc, "Inga aktiviteter i tertialen.", false, 0);
            return;
        }
        XWPFTable table = doc.createTable(ks.activities().size() + 1, 5);
        header(table.getRow(0), List.of("Aktivitet", "Status", "Start", "Slut", "Kommentar"));
        for (int i = 0; i < ks.activities().size(); i++) {
            TertialReport.Row a = ks.activities().get(i);
            XWPFTableRow row = table.getRow(i + 1);
            XWPFTableCell first = row.getCell(0);
            cell(first, a.ref(), false);
            first.addParagraph().createRun().setText(a.title());
            first.getParagraphs().get(1).getRuns().get(0).setBold(true);
            first.addParagraph().createRun().setText(a.organisation());
            cell(row.getCell(1), a.symbol() + " " + a.statusLabel(), false);
            cell(row.getCell(2), a.startDate().toString(), false);
            cell(row.getCell(3), a.endDate().toString(), false);
            XWPFTableCell comment = row.getCell(4);
            cell(comment, a.comment() == null ? "" : a.comment(), false);
            if (a.reportedFor() != null) {
                italic(comment.addParagraph(), a.reportedFor());
            }
            a.changes().forEach(change -> italic(comment.addParagraph(), change));
        }
        width(table, 9600);
    }

    private static void header(XWPFTableRow row, List<String> labels) {
        row.setRepeatHeader(true);
        row.setCantSplitRow(true);
        for (int i = 0; i < labels.size(); i++) {
            cell(row.getCell(i), labels.get(i), true);
        }
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        XWPFRun run = paragraph.createRun();
        run.setBold(bold);
        setText(run, text);
    }

    private static void italic(XWPFParagraph paragraph, String text) {
        XWPFRun run = paragraph.createRun();
        run.setItalic(true);
        run.setText(text);
    }

    private static void width(XWPFTable table, int twips) {
        table.setWidth(String.valueOf(twips));
    }

    private static void heading(XWPFDocument doc, String style, String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setStyle(style);
        paragraph.createRun().setText(text);
    }

    private static void text(XWPFDocument doc, String text, boolean bold, int size) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.LEFT);
        XWPFRun run = paragraph.createRun();
        run.setBold(bold);
        if (size > 0) {
            run.setFontSize(size);
        }
        setText(run, text);
    }

    /** Line breaks in comments stay line breaks. */
    private static void setText(XWPFRun run, String text) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    /** Title and Heading1–3 as Word's built-in styles ("heading 1" …), with outline levels for the contents. */
    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        style(styles, TITLE, "Title", -1, 52, false);
        style(styles, HEADING_1, "heading 1", 0, 32, false);
        style(styles, HEADING_2, "heading 2", 1, 26, false);
        style(styles, HEADING_3, "heading 3", 2, 22, false);
    }

    private static void style(XWPFStyles styles, String id, String name, int outlineLevel, int halfPoints,
                              boolean italic) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewNext().setVal("Normal");
        style.addNewUiPriority().setVal(BigInteger.valueOf(outlineLevel < 0 ? 10 : 9));
        style.addNewQFormat();
        CTPPrGeneral paragraph = style.addNewPPr();
        paragraph.addNewKeepNext();
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(outlineLevel < 0 ? 0 : 240));
        if (outlineLevel >= 0) {
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        CTRPr run = style.addNewRPr();
        run.addNewB();
        if (italic) {
            run.addNewI();
        }
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(style, styles));
    }

    /**
     * Contract (issue 14): a report of either kind as a Word document, shaped as the municipality's own
     * (seed 001 for the uppsiktsrapport, seed 003 for the måluppföljning).
     */
    static byte[] render(ReportDocument document) {
        if (document instanceof DepartmentReport uppsikt) {
            return UppsiktDocx.render(uppsikt);
        }
        return MaluppfoljningDocx.render((BoardReport) document);
    }

    /** A new document with the cover (title, scope, tertial, date, preliminary or frozen) and the contents. */
    static DocxDocument start(ReportDocument report, List<DocxDocument.ContentsEntry> contents) {
        // the same cover lines as the HTML and PDF
        ReportView view = ReportView.of(report);
        DocxDocument doc = new DocxDocument(view.documentTitle(), view.documentTitle(), true);
        doc.paragraph(null, view.organisation());
        doc.paragraph(DocxDocument.TITLE, report.title());
        doc.paragraph(DocxDocument.SUBTITLE, report.scope());
        doc.paragraph(null, view.tertialText());
        doc.paragraph(null, view.dateText());
        doc.paragraph(DocxDocument.SMALL, view.stateText());
        doc.pageBreak();
        doc.tableOfContents(contents);
        return doc;
    }

    static DocxDocument.ContentsEntry entry(ReportParts.Section section) {
        return DocxDocument.ContentsEntry.of(section.level(), section.number(), section.heading());
    }

    /** A numbered heading and its text; quotations set off (italic, indented). */
    static void section(DocxDocument doc, ReportParts.Section section) {
        doc.heading(section.level(), section.number(), section.heading());
        paragraphs(doc, section);
    }

    static void paragraphs(DocxDocument doc, ReportParts.Section section) {
        for (ReportParts.Paragraph paragraph : section.paragraphs()) {
            doc.lines(paragraph.quote() ? DocxDocument.QUOTE : null, paragraph.text());
        }
    }

    /** "▶ Pågående enligt plan"; just the label when there is no symbol. */
    static String withSymbol(String symbol, String label) {
        return symbol == null || symbol.isBlank() ? label : symbol + " " + label;
    }
}
