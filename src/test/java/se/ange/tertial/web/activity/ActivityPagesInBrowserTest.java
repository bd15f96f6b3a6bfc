package se.ange.tertial.web.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.BrowserTest;
import se.ange.tertial.web.SignInSteps;

/**
 * The activity list and an activity's page in a real Chromium, for stab, a manager and an owner; every
 * page state passes axe-core for each role.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
class ActivityPagesInBrowserTest extends BrowserTest {

    static final String SARA = "sara.lindqvist@ange.example";
    static final String MARIA = "maria.sjoberg@ange.example";
    static final String EMMA = "emma.berglund@ange.example";
    static final String FRIDA = "frida.hakansson@ange.example";

    @BeforeEach
    void plan() {
        freshPlan(null);
        Api frida = admin.withNewToken("frida", "OWNER", FRIDA);
        assertThat(frida.postJson("/api/activities/KS2024-001/reports",
                Map.of("status", "AVSLUTAD_ENLIGT_PLAN", "comment", "Klar")).code()).isEqualTo(201);
    }

    @Test
    void stab_sees_all_filters_pages_and_follows_an_activity() {
        SignInSteps.signIn(browser, outbox, people, SARA);
        browser.go("/aktiviteter");
        assertThat(browser.text("h1")).isEqualTo("Aktiviteter");
        assertThat(browser.text("#shown")).isEqualTo("Visar 1–50 av 79");
        assertThat(browser.all("#activities tbody tr")).hasSize(50);
        assertThat(browser.text("#activities caption")).isEqualTo("Alla aktiviteter");
        browser.assertAccessible("aktiviteter-01-stab-list");

        browser.clickAndAwaitNewPage(browser.find("#next"));
        browser.await("#previous");
        assertThat(browser.text("#shown")).isEqualTo("Visar 51–79 av 79");
        assertThat(browser.all("#activities tbody tr")).hasSize(29);
        browser.assertAccessible("aktiviteter-02-stab-page-2");

        new Select(browser.find("#f-department")).selectByVisibleText("Socialavdelningen");
        new Select(browser.find("#f-status")).selectByVisibleText("Avslutad enligt plan");
        browser.clickAndAwaitNewPage(browser.find("#f-submit"));
        browser.await("#shown");
        assertThat(browser.text("#shown")).isEqualTo("Visar 1–1 av 1");
        assertThat(browser.text("#activities tbody")).contains("KS2024-001").contains("Frida Håkansson");
        assertThat(browser.find("#csv").getAttribute("href"))
                .endsWith("/aktiviteter.csv?department=Socialavdelningen&status=AVSLUTAD_ENLIGT_PLAN");
        browser.assertAccessible("aktiviteter-03-stab-filtered");

        browser.go("/aktiviteter?view=missing&department=Socialavdelningen");
        assertThat(browser.text("#activities caption")).isEqualTo("Aktiviteter som saknar rapport för 2024-T1");
        assertThat(browser.text("#activities tbody")).doesNotContain("KS2024-001");
        browser.assertAccessible("aktiviteter-04-stab-missing");

        browser.go("/aktiviteter?view=deviations&q=utbildning");
        browser.assertAccessible("aktiviteter-05-stab-deviations");

        browser.go("/aktiviteter?status=xyz&page=abc");
        assertThat(browser.text(".error-summary")).contains("Okänd status ”xyz”");
        assertThat(browser.text("#f-status-error")).contains("Okänd status");
        browser.assertAccessible("aktiviteter-06-stab-bad-status");

        browser.go("/aktiviteter?department=Socialavdelningen");
        WebElement first = browser.find("#activities tbody tr th a");
        String title = first.getText();
        browser.clickAndAwaitNewPage(first);
        browser.await("#history");
        assertThat(browser.path()).isEqualTo("/aktiviteter/KS2024-001");
        assertThat(browser.text("h1")).isEqualTo(title);
        assertThat(browser.text("#history")).contains("Frida Håkansson").contains("API").contains("Klar");
        assertThat(browser.all("#a-KS2024-001")).hasSize(1); // stab may report (Permissions.canReport)
        browser.assertAccessible("aktiviteter-07-stab-activity");
    }

    @Test
    void an_owner_reports_on_the_activity_page_and_sees_it_in_the_history_but_not_other_departments() {
        SignInSteps.signIn(browser, outbox, people, EMMA);
        browser.go("/aktiviteter");
        assertThat(browser.text("#activities tbody")).contains("KS2024-002").doesNotContain("KS2024-001");
        browser.assertAccessible("aktiviteter-11-owner-list");

        browser.go("/aktiviteter/KS2024-002");
        assertThat(browser.text("h1")).isEqualTo("Genomföra två föreläsningar för temat kost och återhämtning");
        assertThat(browser.text("#goal")).startsWith("3.1.1 ");
        assertThat(browser.text("#kf-goal")).startsWith("3.1 ");
        assertThat(browser.text("#owners")).isEqualTo("Emma Berglund");
        assertThat(browser.text("main")).contains("Ingen status har rapporterats än.");
        browser.assertAccessible("aktiviteter-12-owner-activity");

        browser.find("#a-KS2024-002-s2").click(); // Pågående enligt plan
        browser.find("#a-KS2024-002-comment").clear();
        browser.find("#a-KS2024-002-comment").sendKeys("Första föreläsningen hållen");
        browser.find("#a-KS2024-002 button[type=submit]").click();
        browser.await("#a-KS2024-002 .success");
        browser.assertAccessible("aktiviteter-13-owner-reported");

        // no reload by hand: the page came back with the new history row
        assertThat(browser.path()).startsWith("/aktiviteter/KS2024-002?sparad=KS2024-002");
        List<WebElement> cells = browser.all("#history tbody tr:first-child td");
        assertThat(cells.stream().map(WebElement::getText).toList())
                .contains("2024-T1", "Pågående enligt plan", "Emma Berglund", "Webb", "Första föreläsningen hållen");
        assertThat(browser.text("#status")).isEqualTo("Pågående enligt plan");
        browser.assertAccessible("aktiviteter-14-owner-history");

        browser.go("/aktiviteter/KS2024-001");
        assertThat(browser.text("h1")).isEqualTo("Sidan finns inte");
        browser.go("/aktiviteter/KS2099-999");
        assertThat(browser.text("h1")).isEqualTo("Sidan finns inte");
        browser.assertAccessible("aktiviteter-15-owner-not-found");
    }

    @Test
    void a_manager_sees_only_their_department() {
        SignInSteps.signIn(browser, outbox, people, MARIA);
        browser.go("/aktiviteter");
        assertThat(browser.text("#shown")).isEqualTo("Visar 1–22 av 22");
        assertThat(browser.all("#activities tbody tr td:nth-child(3)")).allSatisfy(cell ->
                assertThat(cell.getText()).startsWith("Socialavdelningen"));
        assertThat(new Select(browser.find("#f-department")).getOptions().stream().map(WebElement::getText).toList())
                .containsExactly("Alla", "Socialavdelningen");
        browser.assertAccessible("aktiviteter-21-manager-list");

        browser.go("/aktiviteter?department=Staben");
        assertThat(browser.text(".error-summary")).contains("Du kan bara se din egen avdelning");
        browser.assertAccessible("aktiviteter-22-manager-not-yours");

        browser.go("/aktiviteter/KS2024-001");
        assertThat(browser.text("#history")).contains("Frida Håkansson");
        browser.assertAccessible("aktiviteter-23-manager-activity");

        browser.go("/aktiviteter/KS2024-002");
        assertThat(browser.text("h1")).isEqualTo("Sidan finns inte");
    }
}
