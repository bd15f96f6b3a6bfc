package se.ange.tertial.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.Browser;

/** axe-core (WCAG 2.1 A/AA) on the report's HTML of both kinds, as a browser shows it. */
class ReportHtmlAccessibilityTest {

    @Test
    void bothKindsHaveNoWcagViolations() throws Exception {
        Path dir = Files.createTempDirectory("tertial-report-html");
        Files.writeString(dir.resolve("uppsikt.html"), HtmlReport.render(SampleReportsForHtml.department()));
        Files.writeString(dir.resolve("maluppfoljning.html"), HtmlReport.render(SampleReportsForHtml.board()));
        try (Browser browser = Browser.open(dir.toUri().toString())) {
            browser.go("uppsikt.html").assertAccessible("report-uppsikt");
            browser.go("maluppfoljning.html").assertAccessible("report-maluppfoljning");
        }
    }
}
