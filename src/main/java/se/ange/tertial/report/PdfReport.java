package se.ange.tertial.report;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.w3c.dom.Element;

/**
 * The report as PDF: the same HTML laid out by openhtmltopdf, with DejaVu Sans embedded (it has å ä ö
 * and the status symbols ▶ ✔ ⚠ ○; Vänteläge's ⏸ is not in it and is printed as ‖, see {@link DocumentSymbols}).
 */
final class PdfReport {

    static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = font("report/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("report/fonts/DejaVuSans-Bold.ttf");

    private static final byte[] TAGGED_REGULAR = withoutGsub(REGULAR);
    private static final byte[] TAGGED_BOLD = withoutGsub(BOLD);

    /**
     * The font without its glyph substitution table (renamed, so PDFBox neither applies it nor embeds it): PDFBox
     * runs DejaVu's Latin GSUB rules (through regular expressions) on every string it draws, a fifth of the PDF's
     * time, for ligatures the layout does not measure anyway.
     */
    private static byte[] withoutGsub(byte[] ttf) {
        byte[] copy = ttf.clone();
        int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
        for (int i = 0, at = 12; i < tables; i++, at += 16) {
            if (copy[at] == 'G' && copy[at + 1] == 'S' && copy[at + 2] == 'U' && copy[at + 3] == 'B') {
                copy[at] = 'g'; // an unknown tag: PDFBox keeps it unread, its subsets leave it out
            }
        }
        return copy;
    }

    static {
        // openhtmltopdf logs every font load and CSS note at INFO through java.util.logging, several lines per
        // report; only its warnings are worth an operator's attention
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(logger -> com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING));
    }

    private PdfReport() {
    }

    private static byte[] font(String name) {
        try (InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A report of either kind as tagged PDF (PDF/UA): the report's HTML laid out by openhtmltopdf with DejaVu
     * Sans embedded for every text (the footer too), the title and language in the metadata and bookmarks for
     * the chapters and their sections (the table of contents' entries).
     */
    static byte[] render(ReportDocument document) {
        ReportView view = ReportView.of(document);
        String html = DocumentSymbols.printable(HtmlReport.render(document, view));
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        PdfKeepTogether.apply(page); // the PDF's own copy: the HTML format stays as it is
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(page);
        addBookmarks(dom, view.toc());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            // also the fallback: no text (margin boxes, symbols) may end up in a non-embedded base-14 font
            Set<BaseRendererBuilder.FSFontUseCase> uses = EnumSet.of(BaseRendererBuilder.FSFontUseCase.DOCUMENT,
                    BaseRendererBuilder.FSFontUseCase.FALLBACK_PRE, BaseRendererBuilder.FSFontUseCase.FALLBACK_FINAL);
            // no oblique face is shipped: italic text (quotes, notes) is printed upright rather than in Helvetica
            for (BaseRendererBuilder.FontStyle style : BaseRendererBuilder.FontStyle.values()) {
                builder.useFont(() -> new ByteArrayInputStream(TAGGED_REGULAR), FONT_FAMILY, 400, style, true, uses);
                builder.useFont(() -> new ByteArrayInputStream(TAGGED_BOLD), FONT_FAMILY, 700, style, true, uses);
            }
            builder.withW3cDocument(dom, "/");
            builder.withProducer("Tertial");
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.getSharedContext().setTextRenderer(new PdfTextWidths());
                renderer.createPDFWithoutClosing();
                // the links' /Contents are set on the open document before it is saved: a second load and save of
                // the finished PDF took most of the render time (PDFBox parses object streams slowly)
                try (PDDocument pdf = renderer.getPdfDocument()) {
                    describeLinks(pdf);
                    // with object streams (PDFBox's default): plain objects made a 2,000-activity report four times
                    // larger (13.7 instead of 3.6 MB) and were not faster to write
                    pdf.save(out);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PDF/UA wants every link's description in the annotation's /Contents too; openhtmltopdf puts the
     * {@code title} only on the link's structure element (/Alt), so copy it over when the document is complete.
     */
    private static void describeLinks(PDDocument document) throws IOException {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        PDNumberTreeNode parents = root == null ? null : root.getParentTree();
        if (parents == null) {
            return;
        }
        for (PDPage page : document.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink && annotation.getContents() == null
                        && parents.getValue(annotation.getStructParent()) instanceof COSObjectable value
                        && value.getCOSObject() instanceof COSDictionary element) {
                    String alt = new PDStructureElement(element).getAlternateDescription();
                    if (alt != null) {
                        annotation.setContents(alt);
                    }
                }
            }
        }
    }

    /**
     * openhtmltopdf's outline: {@code <bookmarks>} in the head (not valid HTML, so added to the PDF's DOM only),
     * level-2 entries nested under the chapter before them.
     */
    private static void addBookmarks(org.w3c.dom.Document dom, List<ReportView.TocEntry> toc) {
        Element head = (Element) dom.getElementsByTagName("head").item(0);
        Element bookmarks = dom.createElement("bookmarks");
        Element chapter = null;
        for (ReportView.TocEntry entry : toc) {
            Element bookmark = dom.createElement("bookmark");
            bookmark.setAttribute("name", entry.text());
            bookmark.setAttribute("href", "#" + entry.anchor());
            if (entry.level() == 1 || chapter == null) {
                bookmarks.appendChild(bookmark);
                chapter = bookmark;
            } else {
                chapter.appendChild(bookmark);
            }
        }
        head.appendChild(bookmarks);
    }
}
