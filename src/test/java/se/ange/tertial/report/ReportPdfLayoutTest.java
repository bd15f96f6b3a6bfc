package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Status;
import se.ange.tertial.report.ReportParts.ActivityRow;

/** What the directly drawn PDF decides beyond ReportPdfTest: rows taller than a page, empty tables, odd text. */
class ReportPdfLayoutTest {

    private static ActivityRow activity(String ref, String title, String comment) {
        return new ActivityRow(ref, title, null, "Staben", "Beskrivning.", true, Status.PAGAENDE_ENLIGT_PLAN,
                Status.PAGAENDE_ENLIGT_PLAN.swedish(), Status.PAGAENDE_ENLIGT_PLAN.symbol(), LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), comment, null, List.of());
    }

    private static DepartmentReport withGoals(List<DepartmentReport.Goal> goals) {
        DepartmentReport base = SampleReportsForHtml.department(1);
        int count = goals.stream().mapToInt(goal -> goal.activities().size()).sum();
        return new DepartmentReport(base.tertial(), base.title(), base.scope(), base.date(), null, base.intro(), goals,
                base.closing(), base.boardGoals(), base.goalGroups(), count);
    }

    private static List<String> pages(byte[] bytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(ReportPdfTest.normalized(stripper.getText(pdf)));
            }
            return pages;
        }
    }

    @Test
    void aRowTallerThanAPageContinuesOnTheNextPagesUnderTheRepeatedHeaderWithEveryLine() throws IOException {
        List<String> comment = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            comment.add("Kommentarsrad " + i + ".");
        }
        DepartmentReport report = withGoals(List.of(new DepartmentReport.Goal("1.1", "mal-1-1", "Ett mål",
                List.of(activity("A-1", "En mycket lång aktivitet", String.join("\n", comment)),
                        activity("A-2", "Aktiviteten efter", "Kort.")))));

        List<String> pages = pages(PdfReport.render(report));

        int first = indexOf(pages, "Kommentarsrad 1.");
        int last = indexOf(pages, "Kommentarsrad 150.");
        assertThat(last).isGreaterThan(first);
        for (int i = 1; i <= 150; i++) {
            String line = "Kommentarsrad " + i + ".";
            assertThat(pages.stream().filter(page -> page.contains(line + " ") || page.endsWith(line)).count())
                    .as(line).isEqualTo(1);
        }
        for (int page = first + 1; page <= last; page++) {
            assertThat(pages.get(page)).startsWith("Verksamhetens aktiviteter Startdatum Slutdatum");
        }
        assertThat(String.join(" ", pages)).contains("Aktiviteten efter");
    }

    @Test
    void aContentsEntryOfTwoLinesIsNeverSplitSoItsNumberAndLinkAreOnItsPage() throws IOException {
        // two-line entries after 0–4 one-line ones: one of the variants has an entry at the foot of a contents page
        for (int shortOnes = 0; shortOnes <= 4; shortOnes++) {
            List<DepartmentReport.Goal> goals = new ArrayList<>();
            for (int g = 1; g <= shortOnes + 45; g++) {
                String title = g <= shortOnes ? "Kort mål " + g
                        : "Skapa ett ökat utbud av aktiviteter och mötesplatser för barn och unga under lov, mål " + g;
                goals.add(new DepartmentReport.Goal("1." + g, "mal-" + g, title,
                        List.of(activity("A-" + g, "Aktivitet " + g, "Pågår."))));
            }
            DepartmentReport report = withGoals(goals);
            try (PDDocument pdf = Loader.loadPDF(PdfReport.render(report))) {
                int links = 0;
                for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                    for (PDAnnotation annotation : pdf.getPage(page).getAnnotations()) {
                        PDRectangle box = annotation.getRectangle();
                        PDFTextStripperByArea area = new PDFTextStripperByArea();
                        // a point wider each side: the stripper takes a glyph whose box starts on the edge as outside
                        area.addRegion("link", new Rectangle2D.Float(box.getLowerLeftX() - 1,
                                PdfPages.HEIGHT - box.getUpperRightY(), box.getWidth() + 2, box.getHeight()));
                        area.extractRegions(pdf.getPage(page));
                        assertThat(box.getLowerLeftY()).as("%s (%d short entries first)", annotation.getContents(), shortOnes)
                                .isGreaterThanOrEqualTo(PdfPages.HEIGHT - PdfPages.BOTTOM);
                        assertThat(ReportPdfTest.normalized(area.getTextForRegion("link")))
                                .as("the link covers its whole entry, number too").startsWith(annotation.getContents())
                                .matches(".*\\d$");
                        links++;
                    }
                }
                assertThat(links).isEqualTo(ReportView.of(report).toc().size());
            }
        }
    }

    @Test
    void aGoalWithoutActivitiesSaysSoAndAReportWithoutAnyHasNoTable() throws IOException {
        DepartmentReport report = withGoals(List.of(new DepartmentReport.Goal("1.1", "mal-1-1", "Ett mål", List.of()),
                new DepartmentReport.Goal("1.2", "mal-1-2", "Ett annat mål", List.of())));

        String text = String.join(" ", pages(PdfReport.render(report)));

        assertThat(text).contains("1.1 Ett mål Verksamheten har inga aktiviteter mot målet i tertialen.")
                .contains("1.2 Ett annat mål Verksamheten har inga aktiviteter mot målet i tertialen.")
                .doesNotContain("Startdatum");
    }

    @Test
    void textTheFontLacksIsPrintedAsAReplacementInsteadOfFailing() throws IOException {
        DepartmentReport report = withGoals(List.of(new DepartmentReport.Goal("1.1", "mal-1-1", "Mål 😀",
                List.of(activity("A-1", "Aktivitet 中文 \u0007klar", "Bra 👍\r\nnästa rad")))));

        String text = String.join(" ", pages(PdfReport.render(report)));

        assertThat(text).contains("1.1 Mål ?").contains("Aktivitet ?? klar").contains("Bra ? nästa rad");
    }

    @Test
    void aWordLongerThanTheColumnIsPrintedWhole() throws IOException {
        String word = String.join("", Collections.nCopies(30, "Långord"));
        DepartmentReport report = withGoals(List.of(new DepartmentReport.Goal("1.1", "mal-1-1", "Ett mål",
                List.of(activity("A-1", "Titel", word)))));

        String text = String.join("", pages(PdfReport.render(report))).replace(" ", "");

        assertThat(text).contains(word);
    }

    private static int indexOf(List<String> pages, String text) {
        for (int i = 2; i < pages.size(); i++) {
            if (pages.get(i).contains(text + " ") || pages.get(i).endsWith(text)) {
                return i;
            }
        }
        throw new AssertionError("No page has " + text);
    }
}
