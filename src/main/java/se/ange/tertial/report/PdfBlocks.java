package se.ange.tertial.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import se.ange.tertial.report.PdfText.Run;
import se.ange.tertial.report.PdfText.Style;
import se.ange.tertial.report.ReportParts.ActivityRow;
import se.ange.tertial.report.ReportParts.Paragraph;
import se.ange.tertial.report.ReportParts.Section;

/**
 * What a PDF report is built of, with report.css's sizes and colours: the text styles, paragraphs, headings (kept
 * by anchor, the contents' targets), quotations, lists and tables, tagged and added to the flow of pages. Shared by
 * the cover and contents ({@link PdfReport}, {@link PdfContents}) and both report kinds' layouts
 * ({@link UppsiktPdf}, {@link MaluppfoljningPdf}).
 */
final class PdfBlocks {

    static final float MM = PdfPages.MM;
    static final int CAPTION_GREY = 0x444444;
    private static final int TEXT = 0x1a1a1a;
    private static final int GREY = 0x4d4d4d;

    final PdfTags tags;
    final PdfPages pages;
    final PdfFlow flow;
    final Style body;
    final Style bold;
    final Style small;
    final Style change;
    final Style caption;
    final Style empty;
    /** The headings with an anchor (the table of contents' targets), by anchor. */
    final Map<String, PdfFlow.Text> headings = new HashMap<>();

    PdfBlocks(PDDocument pdf) {
        tags = new PdfTags(pdf);
        pages = new PdfPages(pdf, tags);
        flow = new PdfFlow(pages);
        PdfFonts fonts = PdfFonts.load(pdf);
        body = new Style(fonts.regular, 9.5f, TEXT);
        bold = new Style(fonts.bold, 9.5f, TEXT);
        small = new Style(fonts.regular, 8.5f, GREY);
        change = new Style(fonts.regular, 8.5f, 0x7a3d00);
        caption = new Style(fonts.regular, 8.5f, CAPTION_GREY);
        empty = new Style(fonts.regular, 9.5f, GREY);
    }

    PdfFlow.Text text(String type, PDStructureNode parent, List<Run> runs, Style strut, float indent,
                      float top, float bottom) {
        PDStructureElement element = tags.add(type, parent);
        return new PdfFlow.Text(element, PdfText.lines(runs, PdfPages.CONTENT_WIDTH - indent, strut),
                PdfPages.LEFT + indent, top, bottom);
    }

    void paragraph(String text, Style style) {
        paragraph(List.of(new Run(text, style)), style, 0, 2.5f * MM);
    }

    void paragraph(List<Run> runs, Style strut, float top, float bottom) {
        flow.add(text(StandardStructureTypes.P, tags.document, runs, strut, 0, top, bottom));
    }

    /** h1 17 pt (margin 0 0 4 mm), h2 13 pt (7 mm 0 2.5 mm), h3 11 pt (5 mm 0 2 mm); kept with what follows. */
    void heading(int level, String text, String anchor, float size) {
        float top = level == 1 ? 0 : level == 2 ? 7 * MM : 5 * MM;
        float bottom = level == 1 ? 4 * MM : level == 2 ? 2.5f * MM : 2 * MM;
        Style style = bold.withSize(size);
        PdfFlow.Text heading = text("H" + level, tags.document, List.of(new Run(text, style)), style, 0, top, bottom);
        heading.keep = true;
        heading.minRoom = 45 * MM;
        if (anchor != null) {
            headings.put(anchor, heading);
        }
        flow.add(heading);
    }

    void heading(int level, String text, String anchor) {
        heading(level, text, anchor, level == 1 ? 17 : level == 2 ? 13 : 11);
    }

    /** A chapter: on a new page, its heading and its text. */
    void chapter(Section section) {
        flow.add(new PdfFlow.PageBreak());
        heading(1, section.number() + " " + section.heading(), section.anchor());
        paragraphs(section);
    }

    void paragraphs(Section section) {
        for (Paragraph paragraph : section.paragraphs()) {
            if (paragraph.quote()) {
                // blockquote: margin 3 mm 0 3 mm 6 mm, a 1 mm border, 4 mm padding; italic is printed upright
                PDStructureElement quote = tags.add(StandardStructureTypes.BLOCK_QUOTE, tags.document);
                PdfFlow.Text text = text(StandardStructureTypes.P, quote, List.of(new Run(paragraph.text(), body)),
                        body, 11 * MM, 3 * MM, 3 * MM);
                text.ruleX = PdfPages.LEFT + 6 * MM;
                flow.add(text);
            } else {
                paragraph(paragraph.text(), body);
            }
        }
    }

    void textSection(Section section) {
        heading(section.level() == 1 ? 1 : 2, section.number() + " " + section.heading(), section.anchor());
        paragraphs(section);
    }

    /** A bulleted list (ul: 1 mm above, 1 em below, 30 pt indent), L > LI > Lbl + LBody. */
    void list(List<String> items) {
        PDStructureElement list = tags.add(StandardStructureTypes.L, tags.document);
        for (int i = 0; i < items.size(); i++) {
            PDStructureElement item = tags.add(StandardStructureTypes.LI, list);
            PDStructureElement label = tags.add(StandardStructureTypes.LBL, item);
            PDStructureElement itemBody = tags.add(StandardStructureTypes.L_BODY, item);
            List<PdfText.Line> bullet = PdfText.lines(List.of(new Run("•", body)), Float.MAX_VALUE, body);
            PdfFlow.Text text = new PdfFlow.Text(itemBody,
                    PdfText.lines(List.of(new Run(items.get(i), body)), PdfPages.CONTENT_WIDTH - 30, body),
                    PdfPages.LEFT + 30, i == 0 ? 1 * MM : 0, i == items.size() - 1 ? 9.5f : 0) {
                @Override
                public void draw(PdfFlow on) {
                    if (pages.y + lines.get(0).height() > PdfPages.BOTTOM && !pages.atTop()) {
                        on.breakPage();
                    }
                    pages.begin(label);
                    pages.line(bullet.get(0), PdfPages.LEFT + 21, pages.y);
                    pages.end();
                    super.draw(on);
                }
            };
            flow.add(text);
        }
    }

    PdfTable.Cell cell(Run... runs) {
        return PdfTable.Cell.of(List.of(runs));
    }

    PdfTable.Cell cell(String text) {
        return cell(new Run(text, body));
    }

    /** A cell of one paragraph of body text; {@code noWrap} for a date. */
    PdfTable.Cell cell(String text, boolean noWrap, PdfTable.Align align) {
        return new PdfTable.Cell(List.of(List.of(new Run(text, body))), noWrap, align);
    }

    void table(String captionText, float width, float[] shares, List<String> headings,
               List<List<PdfTable.Cell>> rows) {
        flow.add(new PdfTable(tags, tags.document, captionText, caption, width, shares, headings, bold, rows, body));
    }

    /** What stands beside an activity's status: the comment (line breaks kept), the note and the changes. */
    void notes(ActivityRow a, List<List<Run>> paragraphs) {
        if (a.comment() != null) {
            paragraphs.add(List.of(new Run(a.comment(), body)));
        }
        if (a.note() != null) {
            paragraphs.add(List.of(new Run(a.note(), small)));
        }
        a.changes().forEach(c -> paragraphs.add(List.of(new Run(c, change))));
    }

    static String printable(String text) {
        return DocumentSymbols.printable(text);
    }
}
