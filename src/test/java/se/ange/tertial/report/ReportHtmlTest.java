package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The report's HTML: self-contained and with the structure assistive technology relies on. */
class ReportHtmlTest {

    @Test
    void bothKindsAreSelfContainedSwedishAndWellStructured() {
        for (ReportDocument document : List.of(SampleReportsForHtml.department(), SampleReportsForHtml.board())) {
            Document html = Jsoup.parse(HtmlReport.render(document));
            assertThat(html.selectFirst("html").attr("lang")).isEqualTo("sv");
            assertThat(html.title()).isEqualTo(ReportView.documentTitle(document)).startsWith(document.title());
            assertThat(html.select("script, link[rel=stylesheet], img, iframe")).isEmpty();
            assertThat(html.select("head style").html()).contains("font-family");

            // headings: starts at h1 and never skips a level on the way down
            int previous = 0;
            for (Element heading : html.select("h1, h2, h3, h4, h5, h6")) {
                int level = Integer.parseInt(heading.tagName().substring(1));
                assertThat(level).as("heading " + heading.text() + " after h" + previous).isLessThanOrEqualTo(previous + 1);
                previous = level;
            }
            // every table is captioned, every header cell scoped
            assertThat(html.select("table")).isNotEmpty().allSatisfy(table ->
                    assertThat(table.select("> caption").text()).isNotBlank());
            assertThat(html.select("th")).allSatisfy(th -> assertThat(th.attr("scope")).isIn("col", "row"));
            // ids are unique and the table of contents points at them
            Set<String> ids = new HashSet<>();
            html.select("[id]").forEach(e -> assertThat(ids.add(e.id())).as("unique id " + e.id()).isTrue());
            assertThat(html.select("nav.toc a")).isNotEmpty().allSatisfy(a ->
                    assertThat(ids).contains(a.attr("href").substring(1)));
        }
    }

    @Test
    void departmentReportIsShapedAsTheUppsiktsrapport() {
        Document html = Jsoup.parse(HtmlReport.render(SampleReportsForHtml.department()));
        assertThat(html.select(".cover h1").text()).isEqualTo("Uppsiktsrapport till kommunstyrelsen");
        assertThat(html.select(".cover").text()).contains("Staben").contains("Tertial 1 2024")
                .contains("2 maj 2024").contains("Preliminär");
        assertThat(html.select("main h1").eachText()).containsExactly(
                "1 Redovisning av arbete för de politiska målen", "2 Kommunstyrelsens mål");
        assertThat(html.select("main blockquote")).hasSize(2);
        Element goal = html.getElementById("mal-1-1");
        assertThat(goal.tagName()).isEqualTo("h2");
        assertThat(goal.text()).isEqualTo("1.1 Sjukfrånvaron ska minska");
        Element table = goal.parent().selectFirst("table");
        assertThat(table.select("thead th").eachText())
                .containsExactly("Verksamhetens aktiviteter", "Startdatum", "Slutdatum");
        Element second = table.select("tbody tr").get(1);
        assertThat(second.selectFirst(".activity-title").text())
                .isEqualTo("Utveckla chefsstöd för systematiskt arbetsmiljöarbete och friskfaktorer • HR och Kommunikation");
        assertThat(second.selectFirst(".activity-title strong").text()).startsWith("Utveckla chefsstöd");
        assertThat(second.select(".status").text()).isEqualTo("‖ Vänteläge");
        assertThat(second.select(".note").text()).isEqualTo("Senast rapporterad för 2023-T3");
        assertThat(second.select("td").eachText().subList(1, 3)).containsExactly("2024-01-01", "2024-08-31");
        // the comment keeps its line breaks
        assertThat(table.selectFirst(".comment").wholeText()).contains("\n");
        assertThat(html.select(".goal-group h2").eachText()).contains("Verksamhetsmål för god ekonomisk hushållning");
        assertThat(html.select(".goal-group li").eachText()).contains("Sjukfrånvaron ska minska.");
    }

    @Test
    void boardReportIsShapedAsTheMaluppfoljning() {
        Document html = Jsoup.parse(HtmlReport.render(SampleReportsForHtml.board()));
        assertThat(html.select("main h1").eachText()).containsExactly(
                "1 Inledning", "2 Redovisning av målarbete", "3 Sammanfattning och analys");
        assertThat(html.select(".cover").text()).contains("Låst av Anna Berg 2 maj 2024").doesNotContain("Preliminär");
        assertThat(html.select("table.legend caption").eachText())
                .containsExactly("Bedömning av mål", "Status för aktiviteter");
        assertThat(html.select("main h2[id]").eachText()).containsExactly(
                "2.1 Fortsätta ett målmedvetet arbete med att höja kvalitén i grundskolan så att fler elever blir "
                        + "behöriga till gymnasiet.", "2.2 Sjukfrånvaron ska minska");
        assertThat(html.select("main h3").eachText()).containsExactly(
                "2.1.1 Andelen elever i åk 9 som är behöriga till gymnasiet når rikssnittet eller högre.",
                "2.1.2 Öka attraktiviteten och kvalitén på Bobergsgymnasiet");
        // a single KF goal: one heading, no KS heading repeating it
        assertThat(html.select("main").text().split("Sjukfrånvaron ska minska", -1)).hasSize(2);

        Element decided = html.getElementById("mal-2-1-1").parent();
        assertThat(decided.selectFirst(".assessment").text()).isEqualTo("◐ Delvis uppfylld");
        assertThat(decided.selectFirst(".analysis").wholeText()).contains("\n");
        assertThat(decided.select("table.measures thead th").eachText())
                .containsExactly("Mått", "Utgångsvärde", "Målvärde", "Utfall");
        assertThat(decided.select("table.measures tbody td").eachText()).contains("79,2 %", "84,1 %");
        assertThat(decided.select("table.activities thead th").eachText())
                .containsExactly("Verksamhetens aktiviteter", "Status", "Slutdatum", "Kommentar");
        Element undecided = html.getElementById("mal-2-1-2").parent();
        assertThat(undecided.selectFirst(".assessment").text()).isEqualTo("– Ej bedömd");
        assertThat(undecided.selectFirst(".suggestion").text()).isEqualTo("Förslag: Uppfylld");
        assertThat(undecided.selectFirst(".reasoning").text()).startsWith("Bedömt efter aktiviteterna");
        assertThat(undecided.select("table.measures")).isEmpty();

        Element summary = html.getElementById("kapitel-3").parent();
        assertThat(summary.selectFirst(".in-words").text()).isEqualTo("4 aktiviteter under 3 mål; 2 mål är bedömda.");
        assertThat(summary.select("table.counts caption").eachText())
                .containsExactly("Mål per bedömning", "Aktiviteter per status");
        assertThat(summary.select(".changes li")).hasSize(1);
    }
}
