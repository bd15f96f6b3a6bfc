package se.ange.tertial.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The report as one self-contained HTML page (Thymeleaf template {@code report/tertial-report.html}). */
final class HtmlReport {

    private static final TemplateEngine ENGINE = engine();
    private static final String CSS = resource("report/tertial-report.css");

    private HtmlReport() {
    }

    static String render(TertialReport report) {
        Context context = new Context(Locale.forLanguageTag("sv-SE"), Map.of("report", report, "css", CSS));
        return ENGINE.process("tertial-report", context);
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
        resolver.setPrefix("report/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Contract (issue 14): a report of either kind as one self-contained HTML page. TODO(html/pdf helper). */
    static String render(ReportDocument document) {
        return "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"UTF-8\" /><title>"
                + org.jsoup.nodes.Entities.escape(document.title()) + "</title></head><body><h1>"
                + org.jsoup.nodes.Entities.escape(document.title() + " – " + document.scope()) + "</h1></body></html>";
    }
}
