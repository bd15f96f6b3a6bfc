package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.junit.jupiter.api.Test;

/**
 * The PDF's own text measuring and drawing ({@link PdfTextWidths}) lays out and draws every character where
 * openhtmltopdf's own renderer does, text the font cannot encode (CJK, outside the BMP) included.
 */
class PdfTextWidthsTest {

    @Test
    void drawsEveryCharacterWhereTheLibraryDoes() throws IOException {
        org.jsoup.nodes.Document page = Jsoup.parse(HtmlReport.render(SampleReportsForHtml.department()));
        page.body().appendElement("p").text("Åtgärd ✔ klar – 漢字 𝄞 ⏸ slut");
        String html = page.html();

        List<String> own = glyphs(render(html, PdfTextWidths::new));
        List<String> library = glyphs(render(html, PdfBoxTextRenderer::new));

        assertThat(own).hasSizeGreaterThan(1000).isEqualTo(library);
        String text = String.join("", own.stream().map(g -> g.substring(g.lastIndexOf(' ') + 1)).toList());
        assertThat(text).contains("Åtgärd✔klar").contains("slut");
    }

    /** An upgrade of openhtmltopdf that renames the device's font field would silently lose the fast drawing. */
    @Test
    void theLibraryLetsDrawingSkipTheTrialEncoding() {
        assertThat(PdfTextWidths.drawsWithoutTrialEncoding()).isTrue();
    }

    private static byte[] render(String html, Supplier<TextRenderer> textRenderer) throws IOException {
        byte[] font;
        try (InputStream in = PdfTextWidthsTest.class.getClassLoader()
                .getResourceAsStream("report/fonts/DejaVuSans.ttf")) {
            font = in.readAllBytes();
        }
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.useFont(() -> new ByteArrayInputStream(font), PdfReport.FONT_FAMILY, 400,
                BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.toStream(out);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.getSharedContext().setTextRenderer(textRenderer.get());
            renderer.createPDF();
        }
        return out.toByteArray();
    }

    /** Every drawn glyph with its page and position, in drawing order. */
    private static List<String> glyphs(byte[] pdf) throws IOException {
        List<String> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    glyphs.add(String.format(Locale.ROOT, "%d %.2f %.2f %s", getCurrentPageNo(), text.getX(),
                            text.getY(), text.getUnicode()));
                }
            };
            stripper.getText(document);
        }
        return glyphs;
    }
}
