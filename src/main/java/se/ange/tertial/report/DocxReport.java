package se.ange.tertial.report;

import java.util.List;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;

/**
 * The reports as editable Word documents: both report kinds on the shared {@link DocxDocument} (A4, embedded
 * DejaVu Sans, Swedish styles, footer, contents), laid out by {@link UppsiktDocx} and {@link MaluppfoljningDocx}.
 */
final class DocxReport {

    private DocxReport() {
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
