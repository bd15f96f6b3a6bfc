package se.ange.tertial.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import se.ange.tertial.report.PdfText.Run;
import se.ange.tertial.report.PdfText.Style;

/**
 * The report as tagged PDF (PDF/UA), drawn with PDFBox from the same model as the HTML ({@code report/uppsikt.html},
 * {@code maluppfoljning.html}, {@code parts.html}) with report.css's sizes, colours and page rules: cover, table of
 * contents with page numbers and links ({@link PdfContents}), each chapter on a new page ({@link UppsiktPdf},
 * {@link MaluppfoljningPdf}), tables with repeated headers, "Sida X av Y" in the footer, bookmarks for the
 * contents' entries. DejaVu Sans is embedded (it has å ä ö and the status symbols ▶ ✔ ⚠ ○; Vänteläge's ⏸ is not in
 * it and is printed as ‖, see {@link DocumentSymbols}). One instance per render.
 */
final class PdfReport {

    private static final float MM = PdfBlocks.MM;
    private static final String DEFLATE_LEVEL = "org.apache.pdfbox.filter.deflatelevel";

    static {
        // PDFBox has no per-document deflate level, only this JVM-wide property, read whenever it compresses a stream;
        // this report is the app's only PDFBox output, and level 1 instead of 6 takes 13 % less CPU for a 2,000-activity
        // report (0.47 instead of 0.54 s) for a 20 % larger file (2.9 instead of 2.4 MB). An operator's -D value wins.
        if (System.getProperty(DEFLATE_LEVEL) == null) {
            System.setProperty(DEFLATE_LEVEL, "1");
        }
    }

    private final ReportDocument document;
    private final ReportView view;
    private final PDDocument pdf = new PDDocument();
    private final PdfBlocks blocks = new PdfBlocks(pdf);
    private final PdfContents contents;

    private PdfReport(ReportDocument document) {
        this.document = document;
        this.view = ReportView.of(document);
        this.contents = new PdfContents(blocks, view.toc());
    }

    /**
     * A report of either kind as tagged PDF (PDF/UA): DejaVu Sans embedded for every text (the footer too), the
     * title and language in the metadata and bookmarks for the chapters and their sections.
     */
    static byte[] render(ReportDocument document) {
        return new PdfReport(document).write();
    }

    private byte[] write() {
        try (pdf) {
            cover();
            contents.page();
            if (document instanceof DepartmentReport report) {
                new UppsiktPdf(blocks).draw(report);
            } else if (document instanceof BoardReport report) {
                new MaluppfoljningPdf(blocks).draw(report);
            }
            blocks.pages.close();
            contents.numbers();
            footers();
            blocks.tags.finish(blocks.pages.pages);
            pdf.getDocumentCatalog().setDocumentOutline(contents.outline());
            metadata();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cover() {
        Style body = blocks.body;
        Style bold = blocks.bold;
        blocks.pages.newPage();
        blocks.pages.y += 55 * MM; // .cover { padding-top: 55mm }
        blocks.paragraph(List.of(new Run(view.organisation(), new Style(body.face(), 12, PdfBlocks.CAPTION_GREY))), body, 0, 0);
        Style title = bold.withSize(24);
        blocks.flow.add(blocks.text(StandardStructureTypes.H1, blocks.tags.document, List.of(new Run(document.title(), title)),
                title, 0, 2 * MM, 6 * MM));
        Style scope = bold.withSize(16);
        blocks.paragraph(List.of(new Run(document.scope(), scope)), scope, 0, 4 * MM);
        Style line = body.withSize(11);
        blocks.paragraph(List.of(new Run(view.tertialText(), line)), line, MM, MM);
        blocks.paragraph(List.of(new Run(view.dateText(), line)), line, MM, MM);
        Style state = document.frozen() == null ? new Style(bold.face(), 10, 0x8a3b00) : body.withSize(10);
        blocks.paragraph(List.of(new Run(view.stateText(), state)), state, 8 * MM, 2.5f * MM);
        blocks.flow.draw();
    }

    /** report.css's @bottom-center: "Sida X av Y", 8 pt #444, centred in the bottom margin; an artifact. */
    private void footers() {
        PdfPages pages = blocks.pages;
        Style style = new Style(blocks.body.face(), 8, PdfBlocks.CAPTION_GREY);
        int count = pages.pages.size();
        for (int i = 0; i < count; i++) {
            PdfText.Line line = PdfText.lines(List.of(new Run("Sida " + (i + 1) + " av " + count, style)),
                    Float.MAX_VALUE, style).get(0);
            pages.reopen(pages.pages.get(i));
            pages.beginArtifact("Pagination");
            pages.line(line, (PdfPages.WIDTH - line.width()) / 2, PdfPages.HEIGHT - 10 * MM - line.height() / 2);
            pages.end();
            pages.close();
        }
    }

    private void metadata() throws IOException {
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setLanguage("sv");
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(view.documentTitle());
        info.setSubject(view.subject());
        info.setAuthor("Ånge kommun");
        info.setProducer("Tertial");
        PDMetadata metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(PdfXmp.of(view.documentTitle(), view.subject(), "Ånge kommun")
                .getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
    }
}
