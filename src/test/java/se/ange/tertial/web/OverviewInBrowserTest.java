package se.ange.tertial.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.BrowserTest;

/**
 * The overview ({@code /}) in a real Chromium on the 2024 plan on 2024-04-10 (the asked tertial is 2024-T1:
 * 69 activities started by its close; Staben 23, Socialavdelningen 16), after three reports: stab sees every
 * department, a manager only their own department by unit, an owner is taken to /mina.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
class OverviewInBrowserTest extends BrowserTest {

    private static final String SARA = "sara.lindqvist@ange.example";
    private static final String JOHAN = "johan.nordin@ange.example";
    private static final String EMMA = "emma.berglund@ange.example";
    private static final List<String> DEPARTMENTS = List.of("Staben", "Ekonomiavdelningen", "Utbildningsavdelningen",
            "Samhällsbyggnadsavdelningen", "Socialavdelningen");

    @BeforeEach
    void planAndThreeReports() {
        Api stab = freshPlan(SARA);
        report(stab, "KS2024-002", "PAGAENDE_ENLIGT_PLAN", null);                     // Staben, HR och Kommunikation
        report(stab, "KS2024-004", "PAGAENDE_MED_AVVIKELSE", "Upphandlingen dröjer"); // Staben, HR och Kommunikation
        report(stab, "KS2024-001", "AVSLUTAD_ENLIGT_PLAN", null);                     // Socialavdelningen
    }

    private static void report(Api api, String ref, String status, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("tertial", "2024-T1", "status", status));
        if (comment != null) {
            body.put("comment", comment);
        }
        assertThat(api.postJson("/api/activities/" + ref + "/reports", body).code()).isEqualTo(201);
    }

    @Test
    void stab_sees_every_department_with_its_share_of_reports_in() {
        SignInSteps.signIn(browser, outbox, people, SARA);
        browser.go("/");
        browser.await("main h1");
        assertThat(browser.text("h1")).isEqualTo("Översikt – 2024-T1");
        assertThat(browser.text(".lead")).contains("Hela kommunen").contains("3 av 69 statusrapporter har kommit in för 2024-T1 (4 %)");

        WebElement chart = browser.find("svg.overview-chart");
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(browser.find("svg.overview-chart title").getAttribute("textContent"))
                .isEqualTo("Andel inlämnade statusrapporter per avdelning, 2024-T1");
        assertThat(chart.findElements(By.cssSelector("rect.bar"))).hasSize(5);
        assertThat(chart.getAttribute("textContent")).contains("Staben").contains("9 %");

        Map<String, List<String>> rows = rows(".overview-shares");
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(DEPARTMENTS);
        assertThat(rows.get("Staben")).containsExactly("2", "23", "9 %");
        assertThat(rows.get("Socialavdelningen")).containsExactly("1", "16", "6 %");
        assertThat(rows.get("Samhällsbyggnadsavdelningen")).containsExactly("0", "19", "0 %");
        assertThat(rows.get("Ekonomiavdelningen")).containsExactly("0", "1", "0 %");

        Map<String, List<String>> deviations = rows(".overview-deviations");
        assertThat(deviations.get("Rapporterad med avvikelse")).containsExactly("1 aktivitet");
        WebElement withDeviation = browser.driver().findElement(By.xpath(
                "//table[contains(@class,'overview-deviations')]//tr[th='Rapporterad med avvikelse']//a"));
        assertThat(withDeviation.getText()).isEqualTo("1 aktivitet");
        assertThat(withDeviation.getAttribute("href")).endsWith("/aktiviteter?view=deviations");

        assertThat(browser.text(".overview-missing-lead")).contains("66 aktiviteter saknar status för 2024-T1.");
        assertThat(browser.find(".overview-missing-lead a").getAttribute("href")).endsWith("/aktiviteter?view=missing");
        assertThat(browser.text(".overview-missing")).contains("Emma Berglund: 8 aktiviteter")
                .contains("Frida Håkansson: 8 aktiviteter").contains("Anders Lund: 1 aktivitet");

        Map<String, List<String>> tertials = rows(".overview-tertials");
        assertThat(headers(".overview-tertials")).containsExactly("2023-T2", "2023-T3", "2024-T1");
        assertThat(tertials.get("Ska rapportera").get(2)).isEqualTo("69");
        assertThat(tertials.get("Rapporterade i tid").get(2)).isEqualTo("3 (4 %)");
        Map<String, List<String>> statuses = rows(".overview-statuses");
        assertThat(statuses.get("Pågående med avvikelse").get(2)).isEqualTo("1");
        assertThat(statuses.get("Avslutad enligt plan").get(2)).isEqualTo("1");
        assertThat(statuses.get("Ingen status").get(2)).isEqualTo("66");

        assertThat(browser.text("#goals + p")).isEqualTo(
                "20 mål med aktiviteter i 2024-T1, efter bedömning (beslutad eller föreslagen).");
        assertThat(rows(".overview-goals").values().stream()
                .mapToInt(cells -> Integer.parseInt(cells.get(0).replace(" mål", ""))).sum()).isEqualTo(20);
        browser.assertAccessible("oversikt-01-stab");
    }

    @Test
    void a_manager_sees_only_their_department_by_unit() {
        SignInSteps.signIn(browser, outbox, people, JOHAN);
        browser.go("/");
        browser.await("main h1");
        assertThat(browser.path()).isEqualTo("/");
        String main = browser.text("main");
        assertThat(main).contains("Staben").contains("2 av 23 statusrapporter har kommit in för 2024-T1 (9 %)");
        for (String other : DEPARTMENTS.subList(1, DEPARTMENTS.size())) {
            assertThat(main).doesNotContain(other);
        }
        assertThat(main).doesNotContain("Frida Håkansson").doesNotContain("69");
        assertThat(browser.find("svg.overview-chart title").getAttribute("textContent"))
                .isEqualTo("Andel inlämnade statusrapporter per enhet, 2024-T1");

        Map<String, List<String>> rows = rows(".overview-shares");
        assertThat(rows.keySet()).containsExactlyInAnyOrder("HR och Kommunikation", "Fritid Kultur Turism",
                "Arbetsmarknad", "Näringsliv");
        assertThat(rows.get("HR och Kommunikation")).containsExactly("2", "10", "20 %");
        assertThat(rows.get("Fritid Kultur Turism")).containsExactly("0", "8", "0 %");

        assertThat(browser.text(".overview-missing-lead")).contains("21 aktiviteter saknar status för 2024-T1.");
        assertThat(browser.find(".overview-missing-lead a").getAttribute("href"))
                .endsWith("/aktiviteter?view=missing&department=Staben");
        assertThat(browser.find(".overview-deviations a").getAttribute("href"))
                .endsWith("/aktiviteter?view=deviations&department=Staben");
        assertThat(rows(".overview-tertials").get("Rapporterade i tid").get(2)).isEqualTo("2 (9 %)");
        browser.assertAccessible("oversikt-02-chef");
    }

    @Test
    void an_owner_is_taken_to_their_own_activities() {
        SignInSteps.signIn(browser, outbox, people, EMMA);
        browser.go("/");
        browser.await("main h1");
        assertThat(browser.path()).isEqualTo("/mina");
        browser.screenshot("oversikt-03-agare-till-mina");
    }

    /** A table's body rows: the row header's text to the cells' texts. */
    private Map<String, List<String>> rows(String table) {
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        for (WebElement row : browser.all(table + " tbody tr")) {
            rows.put(row.findElement(By.cssSelector("th")).getText(),
                    row.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList());
        }
        return rows;
    }

    private List<String> headers(String table) {
        List<String> all = browser.all(table + " thead th").stream().map(WebElement::getText).toList();
        return all.subList(1, all.size());
    }
}
