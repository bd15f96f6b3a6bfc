package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportPdfTest {

    @Test
    void writesSamples() throws Exception {
        Path dir = Path.of("target/report-samples");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("uppsikt.html"), HtmlReport.render(SampleReportsForHtml.department()));
        Files.writeString(dir.resolve("maluppfoljning.html"), HtmlReport.render(SampleReportsForHtml.board()));
        Files.write(dir.resolve("uppsikt.pdf"), PdfReport.render(SampleReportsForHtml.department()));
        Files.write(dir.resolve("maluppfoljning.pdf"), PdfReport.render(SampleReportsForHtml.board()));
        assertThat(dir.resolve("uppsikt.pdf")).exists();
    }
}
