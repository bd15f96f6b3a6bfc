package se.ange.tertial.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import se.ange.tertial.report.PdfText.Run;
import se.ange.tertial.report.PdfText.Style;

/**
 * A PDF report's table of contents and bookmarks: the contents page's entries first, as text; their dotted leaders,
 * page numbers and links once the chapters are drawn and the headings have their pages; then the bookmarks, the
 * same entries with sections under their chapter.
 */
final class PdfContents {

    private static final float MM = PdfBlocks.MM;

    private final PdfBlocks blocks;
    private final List<ReportView.TocEntry> entries;
    private final List<TocLine> toc = new ArrayList<>();

    PdfContents(PdfBlocks blocks, List<ReportView.TocEntry> entries) {
        this.blocks = blocks;
        this.entries = entries;
    }

    /** A line of the table of contents: its text now, its page number and link once the chapters are drawn. */
    private record TocLine(ReportView.TocEntry entry, PdfFlow.Text text, PDStructureElement link) {
    }

    /** The contents page: its heading and an entry per chapter and section, each a link, each on one page. */
    void page() {
        PdfTags tags = blocks.tags;
        blocks.flow.add(new PdfFlow.PageBreak());
        PDStructureElement nav = tags.add(StandardStructureTypes.DIV, tags.document);
        Style headingStyle = blocks.bold.withSize(16);
        PdfFlow.Text heading = blocks.text("H2", nav, List.of(new Run("Innehållsförteckning", headingStyle)), headingStyle,
                0, 7 * MM, 2.5f * MM);
        blocks.flow.add(heading);
        PDStructureElement list = tags.add(StandardStructureTypes.L, nav);
        for (ReportView.TocEntry entry : entries) {
            PDStructureElement itemBody = tags.add(StandardStructureTypes.L_BODY, tags.add(StandardStructureTypes.LI, list));
            PDStructureElement link = tags.add(StandardStructureTypes.LINK, itemBody);
            Style style = entry.level() == 1 ? blocks.bold : blocks.body;
            float indent = entry.level() == 1 ? 0 : 7 * MM;
            // room at the right for the leader and the page number
            PdfFlow.Text line = new PdfFlow.Text(link, PdfText.lines(List.of(new Run(entry.text(), style)),
                    PdfPages.CONTENT_WIDTH - indent - 14 * MM, style), PdfPages.LEFT + indent,
                    entry.level() == 1 ? 3 * MM : 1.2f * MM, 1.2f * MM);
            // never split: the number, leader and link rectangle below are drawn on the page of the entry's first line
            line.whole = true;
            toc.add(new TocLine(entry, line, link));
            blocks.flow.add(line);
        }
        blocks.flow.draw();
    }

    /** The contents' dotted leaders, page numbers and link annotations, now that the headings have pages. */
    void numbers() {
        PdfPages pages = blocks.pages;
        for (TocLine line : toc) {
            PdfFlow.Text target = blocks.headings.get(line.entry().anchor());
            PdfFlow.Position at = line.text().position;
            if (target == null || target.position == null || at == null) {
                continue;
            }
            PdfText.Line last = line.text().lines.get(line.text().lines.size() - 1);
            float lastTop = at.top();
            for (int i = 0; i < line.text().lines.size() - 1; i++) {
                lastTop += line.text().lines.get(i).height();
            }
            Style style = last.pieces().isEmpty() ? blocks.body : last.pieces().get(0).style();
            String number = String.valueOf(target.position.pageNumber());
            float right = PdfPages.LEFT + PdfPages.CONTENT_WIDTH;
            float numberWidth = style.face().width(number, style.size());
            float dot = style.face().width(".", style.size());
            float leaderStart = line.text().x + last.width() + style.face().width(" ", style.size());
            float leaderEnd = right - numberWidth - style.face().width(" ", style.size());
            int dots = Math.max(0, (int) ((leaderEnd - leaderStart) / dot));
            pages.reopen(at.page());
            pages.beginArtifact("Layout");
            pages.line(PdfText.lines(List.of(new Run(".".repeat(dots), style)), Float.MAX_VALUE, style).get(0),
                    leaderEnd - dots * dot, lastTop);
            pages.end();
            pages.begin(line.link());
            pages.line(PdfText.lines(List.of(new Run(number, style)), Float.MAX_VALUE, style).get(0),
                    right - numberWidth, lastTop);
            pages.end();
            pages.close();

            PDAnnotationLink annotation = new PDAnnotationLink();
            float height = lastTop + last.height() - at.top();
            annotation.setRectangle(new PDRectangle(line.text().x, PdfPages.HEIGHT - at.top() - height,
                    right - line.text().x, height));
            PDBorderStyleDictionary border = new PDBorderStyleDictionary();
            border.setWidth(0);
            annotation.setBorderStyle(border);
            annotation.setDestination(destination(target.position));
            annotation.setContents(line.entry().text()); // PDF/UA: a link's description
            annotation.setPrinted(true);
            try {
                at.page().getAnnotations().add(annotation);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            blocks.tags.annotate(line.link(), annotation, at.page());
        }
    }

    /** Bookmarks: the contents' entries, sections under their chapter. */
    PDDocumentOutline outline() {
        PDDocumentOutline outline = new PDDocumentOutline();
        PDOutlineItem chapter = null;
        for (TocLine line : toc) {
            PdfFlow.Text target = blocks.headings.get(line.entry().anchor());
            if (target == null || target.position == null) {
                continue;
            }
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(line.entry().text());
            item.setDestination(destination(target.position));
            if (line.entry().level() == 1 || chapter == null) {
                outline.addLast(item);
                chapter = item;
            } else {
                chapter.addLast(item);
            }
        }
        outline.openNode();
        return outline;
    }

    private static PDPageXYZDestination destination(PdfFlow.Position position) {
        PDPageXYZDestination destination = new PDPageXYZDestination();
        destination.setPage(position.page());
        destination.setLeft(0);
        destination.setTop(Math.round(PdfPages.HEIGHT - position.top()));
        return destination;
    }
}
