package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Both report kinds pass veraPDF's PDF/UA-1 (ISO 14289-1) validation. */
class ReportPdfUaTest {

    @BeforeAll
    static void initialiseVeraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void departmentReportIsPdfUa1() throws Exception {
        assertPdfUa1(PdfReport.render(SampleReportsForHtml.department()));
    }

    @Test
    void boardReportIsPdfUa1() throws Exception {
        assertPdfUa1(PdfReport.render(SampleReportsForHtml.board()));
    }

    private static void assertPdfUa1(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + " " + assertion.getMessage())
                    .distinct().toList();
            assertThat(failed).as("failed PDF/UA-1 rules").isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
    }
}
