package se.ange.tertial.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The report as one self-contained HTML page: Thymeleaf templates {@code report/uppsikt.html} and
 * {@code report/maluppfoljning.html} (shared parts in {@code report/parts.html}, style {@code report/report.css}).
 */
final class HtmlReport {

    private static final TemplateEngine ENGINE = engine();
    private static final String REPORT_CSS = ReportResources.text("report/report.css");
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private HtmlReport() {
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

    /** A report of either kind as one self-contained HTML page (issue 14): CSS inline, no scripts, lang="sv". */
    static String render(ReportDocument document) {
        return render(document, ReportView.of(document));
    }

    static String render(ReportDocument document, ReportView view) {
        String template = switch (document.kind()) {
            case UPPSIKT -> "uppsikt";
            case MALUPPFOLJNING -> "maluppfoljning";
        };
        Context context = new Context(SWEDISH, Map.of("doc", document, "view", view, "css", REPORT_CSS));
        // the page's own font (DejaVu Sans first) has no ⏸ either: the same symbols as the PDF and DOCX
        return DocumentSymbols.printable(ENGINE.process(template, context));
    }
}
