package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF of both report kinds, read back with PDFBox: tagging, metadata, fonts, outline, TOC and page breaks. */
class ReportPdfTest {

    private static final int FIRST_BODY_PAGE = 3; // cover, table of contents, then the chapters

    @Test
    void departmentReportIsTaggedSwedishTitledAndEmbedsEveryFont() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PdfReport.render(SampleReportsForHtml.department()))) {
            assertAccessibleBasics(pdf, "Uppsiktsrapport till kommunstyrelsen – Staben, tertial 1 2024");
        }
    }

    @Test
    void boardReportIsTaggedSwedishTitledAndEmbedsEveryFont() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PdfReport.render(SampleReportsForHtml.board()))) {
            assertAccessibleBasics(pdf, "Måluppföljning" /* the board report's title names its tertial itself */);
        }
    }

    @Test
    void outlineAndTableOfContentsPointAtThePagesOfTheHeadings() throws IOException {
        for (ReportDocument document : List.of(SampleReportsForHtml.department(), SampleReportsForHtml.board(),
                SampleReportsForHtml.department(3))) {
            List<ReportView.TocEntry> toc = ReportView.of(document).toc();
            try (PDDocument pdf = Loader.loadPDF(PdfReport.render(document))) {
                List<String> pages = pages(pdf);
                String tocPage = normalized(pages.get(1));
                assertThat(tocPage).startsWith("Innehållsförteckning");
                for (ReportView.TocEntry entry : toc) {
                    Matcher number = Pattern.compile(Pattern.quote(entry.text()) + " ?\\.*\\s*(\\d+)").matcher(tocPage);
                    assertThat(number.find()).as("TOC line of " + entry.text() + " in " + tocPage).isTrue();
                    int headingPage = firstBodyPageWith(pages, entry.text());
                    assertThat(Integer.parseInt(number.group(1))).as("page of " + entry.text()).isEqualTo(headingPage);
                }

                List<String> chapters = toc.stream().filter(e -> e.level() == 1).map(ReportView.TocEntry::text).toList();
                List<String> outline = new ArrayList<>();
                List<String> sections = new ArrayList<>();
                for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                    outline.add(item.getTitle());
                    item.children().forEach(child -> sections.add(child.getTitle()));
                }
                assertThat(outline).containsExactlyElementsOf(chapters);
                assertThat(sections).containsExactlyElementsOf(
                        toc.stream().filter(e -> e.level() == 2).map(ReportView.TocEntry::text).toList());
            }
        }
    }

    @Test
    void everyPageHasItsNumberInTheFooter() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PdfReport.render(SampleReportsForHtml.department(2)))) {
            List<String> pages = pages(pdf);
            assertThat(pages).hasSizeGreaterThan(4);
            for (int i = 0; i < pages.size(); i++) {
                assertThat(normalized(pages.get(i))).endsWith("Sida " + (i + 1) + " av " + pages.size());
            }
        }
    }

    @Test
    void aTableRunningOntoTheNextPageRepeatsItsHeader() throws IOException {
        DepartmentReport report = SampleReportsForHtml.department(3);
        try (PDDocument pdf = Loader.loadPDF(PdfReport.render(report))) {
            String header = "Verksamhetens aktiviteter Startdatum Slutdatum";
            String text = normalized(String.join(" ", pages(pdf)));
            long tables = report.goals().stream().filter(goal -> !goal.activities().isEmpty()).count();
            assertThat(occurrences(text, header)).isGreaterThan((int) tables);
        }
    }

    @Test
    void noPageEndsWithAHeadingACaptionOrALoneTableHeader() throws IOException {
        List<ReportDocument> documents = new ArrayList<>(List.of(SampleReportsForHtml.board()));
        for (int copies = 1; copies <= 6; copies++) {
            documents.add(SampleReportsForHtml.department(copies));
        }
        assertNoPageEndsWithAHeadingACaptionOrALoneTableHeader(documents);
    }

    /** As in the real data: a goal's first activity row is a third of a page, its heading must go with it. */
    @Test
    void aGoalsHeadingGoesToTheNextPageWithItsTallFirstActivityRow() throws IOException {
        List<ReportDocument> documents = new ArrayList<>();
        for (int shift = 0; shift <= 4; shift++) {
            documents.add(SampleReportsForHtml.departmentWithTallFirstRows(5, shift));
        }
        assertNoPageEndsWithAHeadingACaptionOrALoneTableHeader(documents);
    }

    private static void assertNoPageEndsWithAHeadingACaptionOrALoneTableHeader(List<ReportDocument> documents)
            throws IOException {
        List<String> tableHeaders = List.of("Verksamhetens aktiviteter Startdatum Slutdatum",
                "Verksamhetens aktiviteter Status Slutdatum Kommentar", "Mått Utgångsvärde Målvärde Utfall",
                "Bedömning Antal mål", "Status Antal aktiviteter", "Symbol Bedömning", "Symbol Status");
        for (ReportDocument document : documents) {
            List<String> endings = new ArrayList<>(tableHeaders);
            String html = HtmlReport.render(document);
            org.jsoup.Jsoup.parse(html).select("main h1, main h2, main h3, caption")
                    .forEach(e -> endings.add(normalized(e.text())));
            try (PDDocument pdf = Loader.loadPDF(PdfReport.render(document))) {
                List<String> pages = pages(pdf);
                for (int i = FIRST_BODY_PAGE - 1; i < pages.size(); i++) {
                    String body = normalized(pages.get(i)).replaceAll(" ?Sida \\d+ av \\d+$", "");
                    for (String ending : endings) {
                        assertThat(body).as("page " + (i + 1) + " of " + document.title() + " (" + pages.size()
                                + " pages) ends with " + ending).doesNotEndWith(ending);
                    }
                }
            }
        }
    }

    @Test
    void anActivityRowIsNotSplitBetweenPages() throws IOException {
        for (int copies = 2; copies <= 4; copies++) {
            DepartmentReport report = SampleReportsForHtml.department(copies);
            try (PDDocument pdf = Loader.loadPDF(PdfReport.render(report))) {
                List<String> pages = pages(pdf, false);
                for (DepartmentReport.Goal goal : report.goals()) {
                    for (ReportParts.ActivityRow row : goal.activities()) {
                        String page = normalized(pages.get(firstBodyPageWith(pages, row.title()) - 1));
                        String last = !row.changes().isEmpty() ? row.changes().get(row.changes().size() - 1)
                                : row.note() != null ? row.note()
                                : row.comment() != null ? row.comment().substring(row.comment().lastIndexOf('\n') + 1)
                                : row.statusLabel();
                        assertThat(page.indexOf(normalized(last), page.indexOf(row.title())))
                                .as("end of the row " + row.title() + " on its page").isPositive();
                    }
                }
            }
        }
    }

    @Test
    void aSingleKfGoalHasOneHeadingAndVantelageIsPrintedWithAGlyphTheFontHas() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PdfReport.render(SampleReportsForHtml.board()))) {
            List<String> pages = pages(pdf);
            String body = normalized(String.join(" ", pages.subList(FIRST_BODY_PAGE - 1, pages.size())));
            assertThat(occurrences(body, "2.2 Sjukfrånvaron ska minska")).isEqualTo(1);
            assertThat(occurrences(body, "Sjukfrånvaron ska minska")).isEqualTo(1);
            assertThat(body).doesNotContain("2.2.1").contains("● Uppfylld")
                    .contains("‖ Vänteläge").doesNotContain("⏸")
                    .contains("Ej bedömd").contains("Förslag: Uppfylld");
        }
    }

    private static void assertAccessibleBasics(PDDocument pdf, String title) throws IOException {
        var catalog = pdf.getDocumentCatalog();
        assertThat(catalog.getStructureTreeRoot()).as("structure tree").isNotNull();
        assertThat(catalog.getMarkInfo()).isNotNull();
        assertThat(catalog.getMarkInfo().isMarked()).as("/MarkInfo /Marked").isTrue();
        assertThat(catalog.getLanguage()).isEqualTo("sv");
        assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(title);
        assertThat(catalog.getViewerPreferences()).isNotNull();
        assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
        assertThat(catalog.getMetadata()).as("XMP").isNotNull();
        String xmp = new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xmp).contains(title).contains("pdfuaid:part");
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            collectFonts(page.getResources(), fonts);
        }
        assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font).contains("DejaVuSans").endsWith("embedded"));
    }

    private static void collectFonts(PDResources resources, List<String> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : " NOT embedded"));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts);
            }
        }
    }

    private static List<String> pages(PDDocument pdf) throws IOException {
        return pages(pdf, true);
    }

    /** Each page's text; {@code byPosition} false: in drawing order, where a table cell's lines stay together. */
    private static List<String> pages(PDDocument pdf, boolean byPosition) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(byPosition);
        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            pages.add(stripper.getText(pdf));
        }
        return pages;
    }

    private static int firstBodyPageWith(List<String> pages, String text) {
        for (int i = FIRST_BODY_PAGE - 1; i < pages.size(); i++) {
            if (normalized(pages.get(i)).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("No page has " + text);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    static String normalized(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
