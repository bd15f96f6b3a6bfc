package se.ange.tertial.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * The pages being written and the cursor on them: A4 with report.css's margins (20 mm top and bottom, 18 mm left and
 * right), {@code y} measured from the page's top. Everything drawn is either marked content of a structure element
 * or an artifact (PDF/UA).
 */
final class PdfPages {

    static final float MM = 72f / 25.4f;
    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float TOP = 20 * MM;
    static final float BOTTOM = HEIGHT - 20 * MM;
    /** The body's default margin, 8 CSS px, which report.css keeps in print (only the screen style removes it). */
    static final float BODY_MARGIN = 6;
    static final float LEFT = 18 * MM + BODY_MARGIN;
    static final float CONTENT_WIDTH = WIDTH - 36 * MM - 2 * BODY_MARGIN;

    final PDDocument pdf;
    final PdfTags tags;
    final List<PDPage> pages = new ArrayList<>();
    PDPage page;
    /** The cursor: where the next block starts, from the page's top. */
    float y;
    private PDPageContentStream stream;
    private PDFont font;
    private float fontSize;
    private int colour = -1;

    PdfPages(PDDocument pdf, PdfTags tags) {
        this.pdf = pdf;
        this.tags = tags;
    }

    void newPage() {
        close();
        page = new PDPage(PDRectangle.A4);
        // PDF/UA: the tab order of annotations follows the structure
        page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
        pdf.addPage(page);
        pages.add(page);
        stream = open(page, PDPageContentStream.AppendMode.OVERWRITE);
        y = TOP;
    }

    /** Draws on an earlier page (table of contents' numbers, footers) until {@link #close}. */
    void reopen(PDPage earlier) {
        close();
        page = earlier;
        stream = open(earlier, PDPageContentStream.AppendMode.APPEND);
    }

    private PDPageContentStream open(PDPage target, PDPageContentStream.AppendMode mode) {
        try {
            font = null;
            colour = -1;
            return new PDPageContentStream(pdf, target, mode, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stream = null;
        }
    }

    /** Room left on the page below the cursor. */
    float remaining() {
        return BOTTOM - y;
    }

    boolean atTop() {
        return y <= TOP + 0.01f;
    }

    /** Starts content of {@code element}: a marked-content sequence with the page's next MCID. */
    void begin(PDStructureElement element) {
        int mcid = tags.mark(element, page);
        try {
            stream.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an artifact (borders, shading, leaders, footers, repeated table headers): not part of the text. */
    void beginArtifact(String type) {
        try {
            COSDictionary properties = new COSDictionary();
            properties.setName(COSName.TYPE, type);
            stream.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void end() {
        try {
            stream.endMarkedContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws {@code line} with its top at {@code top} (from the page's top) and its start at {@code x}. */
    void line(PdfText.Line line, float x, float top) {
        if (line.pieces().isEmpty()) {
            return;
        }
        try {
            stream.beginText();
            float baseline = HEIGHT - top - line.baseline();
            for (PdfText.Piece piece : line.pieces()) {
                PdfText.Style style = piece.style();
                if (style.face().font != font || style.size() != fontSize) {
                    font = style.face().font;
                    fontSize = style.size();
                    stream.setFont(font, fontSize);
                }
                fillColour(style.rgb());
                stream.setTextMatrix(Matrix.getTranslateInstance(x + piece.x(), baseline));
                stream.showText(piece.text());
            }
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filled rectangle (inside an artifact). */
    void fill(float x, float top, float width, float height, int rgb) {
        try {
            fillColour(rgb);
            stream.addRect(x, HEIGHT - top - height, width, height);
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rectangle's outline in report.css's table border, 0.5 pt #8c8c8c (inside an artifact). */
    void frame(float x, float top, float width, float height) {
        try {
            stream.setLineWidth(0.5f);
            stream.setStrokingColor(0x8c / 255f, 0x8c / 255f, 0x8c / 255f);
            stream.addRect(x, HEIGHT - top - height, width, height);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fillColour(int rgb) throws IOException {
        if (rgb != colour) {
            colour = rgb;
            stream.setNonStrokingColor(((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f);
        }
    }
}
