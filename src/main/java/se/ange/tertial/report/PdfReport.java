package se.ange.tertial.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * The report as PDF: the same HTML laid out by openhtmltopdf, with DejaVu Sans embedded (it has å ä ö
 * and the status symbols ▶ ✔ ⚠ ○; Vänteläge's ⏸ is not in it and is printed as ‖).
 */
final class PdfReport {

    static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = font("report/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("report/fonts/DejaVuSans-Bold.ttf");

    private PdfReport() {
    }

    static byte[] render(TertialReport report) {
        String html = HtmlReport.render(report).replace("⏸", "‖");
        org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new java.io.ByteArrayInputStream(REGULAR), FONT_FAMILY, 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> new java.io.ByteArrayInputStream(BOLD), FONT_FAMILY, 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withW3cDocument(document, "/");
            builder.withProducer("Tertial");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Contract (issue 14): a report of either kind as tagged PDF. TODO(html/pdf helper). */
    static byte[] render(ReportDocument document) {
        return renderHtml(HtmlReport.render(document));
    }

    private static byte[] renderHtml(String html) {
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(dom, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
