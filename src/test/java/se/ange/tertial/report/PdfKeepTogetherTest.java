package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The estimate of how tall a goal's heading and the start of its table are, from the HTML alone. */
class PdfKeepTogetherTest {

    private static final double LINE_MM = 9.5 * 1.4 * 25.4 / 72; // a line of body text, 4.69 mm

    @Test
    void aParagraphWrapsAtTheWidthAndKeepsItsLineBreaks() {
        Element p = Jsoup.parse("<p>" + "abcdefghi ".repeat(12) + "\nkort</p>").selectFirst("p");
        // 174 mm holds 94 characters at 9.5 pt: 9 words of 10, so two lines for the first, one for the second
        assertThat(PdfKeepTogether.block(p, 9.5, 174)).isCloseTo(3 * LINE_MM, within(0.01));
        assertThat(PdfKeepTogether.block(p, 9.5, 56)).as("30 a line: 3 words").isCloseTo(5 * LINE_MM, within(0.01));
    }

    @Test
    void wordsWrapWholeAndAWordLongerThanALineIsBroken() {
        assertThat(PdfKeepTogether.wrapped("aaaa bbbb cccc", 9)).isEqualTo(2);
        assertThat(PdfKeepTogether.wrapped("aaaa bbbb cccc", 8)).isEqualTo(3);
        assertThat(PdfKeepTogether.wrapped("", 8)).isEqualTo(1);
        assertThat(PdfKeepTogether.wrapped("x".repeat(20) + " yy", 8)).isEqualTo(3);
        assertThat(PdfKeepTogether.wrapped("x".repeat(20) + " yyy", 8)).as("xxxx yyy fills the third").isEqualTo(3);
        assertThat(PdfKeepTogether.wrapped("x".repeat(20) + " yyyy", 8)).isEqualTo(4);
    }

    @Test
    void theHeadingReachesDownToTheEndOfTheFirstActivityRowOnly() {
        String tall = String.join("\n", Collections.nCopies(6, "x".repeat(150)));
        Document page = Jsoup.parse(uppsikt(tall, "kort"));
        Element heading = page.selectFirst("section.goal > h2");
        double estimate = PdfKeepTogether.estimateMm(heading);
        // the comment alone: 6 × 2 lines in the 125 mm column (about 60 characters a line at 9.5 pt)
        assertThat(estimate).isGreaterThan(12 * LINE_MM + 20).isLessThan(200);

        Document later = Jsoup.parse(uppsikt("kort", tall));
        assertThat(PdfKeepTogether.estimateMm(later.selectFirst("h2"))).as("a tall second row does not count")
                .isEqualTo(PdfKeepTogether.estimateMm(Jsoup.parse(uppsikt("kort", "kort")).selectFirst("h2")))
                .isLessThan(estimate - 12 * LINE_MM);

        PdfKeepTogether.apply(page);
        assertThat(heading.attr("style")).isEqualTo("-fs-page-break-min-height: "
                + (int) Math.ceil(estimate) + "mm");
    }

    @Test
    void aGoalWithoutActivitiesKeepsTheStylesheetsMinimum() {
        Document page = Jsoup.parse("<section class='goal'><h2>1.3 Arbetslösheten ska minska</h2>"
                + "<p class='empty'>Verksamheten har inga aktiviteter mot målet i tertialen.</p></section>");
        PdfKeepTogether.apply(page);
        assertThat(page.selectFirst("h2").attr("style")).isEqualTo("-fs-page-break-min-height: 45mm");
    }

    @Test
    void aRowTallerThanAPageIsCappedAtAPagesContent() {
        Document page = Jsoup.parse(uppsikt(String.join("\n", Collections.nCopies(80, "rad")), "kort"));
        PdfKeepTogether.apply(page);
        assertThat(page.selectFirst("h2").attr("style")).isEqualTo("-fs-page-break-min-height: 200mm");
    }

    @Test
    void aBoardGoalsHeadingCountsItsAssessmentTextsAndTheMeasuresTable() {
        String analysis = "y".repeat(86 * 10);
        Document page = Jsoup.parse("<section class='kf-goal'><h2>2.1 KF-mål</h2><section class='ks-goal'>"
                + "<h3>2.1.1 KS-mål</h3><p class='assessment'>◐ Delvis uppfylld</p><p class='analysis'>" + analysis
                + "</p><table class='measures'><caption>Mått för mål 2.1.1</caption><colgroup><col class='col-measure'>"
                + "<col class='col-value'><col class='col-value'><col class='col-outcome'></colgroup>"
                + "<thead><tr><th>Mått</th><th>Utgångsvärde</th><th>Målvärde</th><th>Utfall</th></tr></thead>"
                + "<tbody><tr><td>Andel</td><td>1</td><td>2</td><td>3</td></tr></tbody></table></section></section>");
        double ks = PdfKeepTogether.estimateMm(page.selectFirst("h3"));
        assertThat(ks).isGreaterThan(10 * LINE_MM + 15);
        assertThat(PdfKeepTogether.estimateMm(page.selectFirst("h2"))).as("the KF heading goes with its first KS goal")
                .isGreaterThan(ks);
    }

    private static String uppsikt(String firstComment, String secondComment) {
        return "<section class='goal'><h2>1.4 Skapa ett ökat utbud</h2><table class='activities'>"
                + "<caption>Verksamhetens aktiviteter för mål 1.4</caption><colgroup><col class='col-activity'>"
                + "<col class='col-date'><col class='col-date'></colgroup><thead><tr><th>Verksamhetens aktiviteter"
                + "</th><th>Startdatum</th><th>Slutdatum</th></tr></thead><tbody>" + row(firstComment)
                + row(secondComment) + "</tbody></table></section>";
    }

    private static String row(String comment) {
        return "<tr><td><p class='activity-title'><strong>Titel</strong></p><p class='status'>▶ Pågående</p>"
                + "<p class='comment'>" + comment + "</p></td><td class='date'>2024-01-01</td>"
                + "<td class='date'>2024-12-31</td></tr>";
    }
}
