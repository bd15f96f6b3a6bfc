package se.ange.tertial.web.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.BrowserTest;
import se.ange.tertial.web.SignInSteps;

/**
 * The plan page in a real Chromium: stab imports a file whose preview refuses a line (nothing stored), then the
 * corrected file, previewed and imported; a manager adds an own activity for the department, which its owner then
 * finds in /mina and which is in the department's uppsiktsrapport. Every state passes axe-core.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
class PlanInBrowserTest extends BrowserTest {

    @Test
    void stab_sees_a_refused_line_in_the_preview_then_imports_the_corrected_file() throws IOException {
        Api stab = freshPlan(PlanPagesHttpTest.SARA);
        SignInSteps.signIn(browser, outbox, people, PlanPagesHttpTest.SARA);
        browser.go("/plan");
        assertThat(browser.path()).isEqualTo("/plan/2024");
        assertThat(browser.text("h1")).isEqualTo("Plan 2024");
        assertThat(browser.find("a[aria-current=page]").getText()).isEqualTo("Plan");
        assertThat(browser.text("main")).contains("3.1.1").contains("KS2024-002");
        browser.assertAccessible("plan-01-stab");

        browser.clickAndAwaitNewPage(browser.find("a[href='/plan/2024/import']"));
        browser.await("#import-file");
        browser.assertAccessible("plan-02-import-form");
        String wrong = PlanCsv.HEADER
                + row("KS2024-090", "Friskvårdsdag för alla medarbetare", "2024-05-01", "2024-05-31")
                + row("KS2024-091", "Rökfri arbetstid införs", "2024-09-01", "2024-03-31")
                + row("KS2024-092", "Cykelpool på kommunhuset", "2024-04-15", "2024-10-31");
        upload(wrong);
        browser.await("#refused");
        assertThat(browser.text("#refused")).contains("3").contains("end_date")
                .contains("Slutdatum 2024-03-31 ligger före startdatum 2024-09-01");
        assertThat(browser.text("main")).contains("Inget är sparat än.").contains("Filen kan inte importeras");
        assertThat(browser.all("#import")).isEmpty();
        assertThat(stab.get("/api/activities/KS2024-090").code()).isEqualTo(404);
        browser.assertAccessible("plan-03-import-refused");

        browser.clickAndAwaitNewPage(browser.find("#again"));
        browser.await("#import-file");
        upload(wrong.replace("2024-09-01,2024-03-31", "2024-03-01,2024-09-30"));
        browser.await("#lines");
        assertThat(browser.text("#counts")).isEqualTo("3 aktiviteter skapas, ingen ändras och ingen är oförändrad.");
        assertThat(browser.text("#lines")).contains("KS2024-090").contains("Rökfri arbetstid införs").contains("Skapas");
        assertThat(browser.text("#import")).isEqualTo("Importera 3 aktiviteter");
        assertThat(stab.get("/api/activities/KS2024-091").code()).isEqualTo(404);
        browser.assertAccessible("plan-04-import-preview");

        browser.clickAndAwaitNewPage(browser.find("#import"));
        browser.await("p[role=status]");
        assertThat(browser.path()).startsWith("/plan/2024?sparad=import");
        assertThat(browser.text("p[role=status]"))
                .isEqualTo("Importen är klar: 3 aktiviteter skapades, inga ändrades och ingen var oförändrad.");
        assertThat(browser.text("main")).contains("Rökfri arbetstid införs");
        for (String ref : new String[] {"KS2024-090", "KS2024-091", "KS2024-092"}) {
            assertThat(stab.get("/api/activities/" + ref).code()).isEqualTo(200);
        }
        browser.assertAccessible("plan-05-imported");
    }

    @Test
    void a_manager_adds_an_own_activity_which_its_owner_and_the_uppsiktsrapport_then_show() throws Exception {
        freshPlan(null);
        SignInSteps.signIn(browser, outbox, people, PlanPagesHttpTest.JOHAN);
        browser.go("/plan/2024");
        assertThat(browser.text("main")).contains("Du ser alla mål och din avdelnings aktiviteter")
                .contains("KS2024-002").doesNotContain("KS2024-001");
        browser.assertAccessible("plan-10-manager");

        browser.clickAndAwaitNewPage(browser.find("a[href='/plan/2024/ny']"));
        browser.await("#a-title");
        assertThat(browser.find("#a-ref").getAttribute("value")).isEqualTo("ST2024-101");
        browser.assertAccessible("plan-11-manager-new");

        new Select(browser.find("#a-goal")).selectByValue("3.1.1");
        browser.find("#a-start").sendKeys("2024-03-01");
        browser.find("#a-end").sendKeys("2024-09-30");
        new Select(browser.find("#a-owners")).selectByValue(PlanPagesHttpTest.EMMA);
        browser.clickAndAwaitNewPage(browser.find("#save"));
        browser.await(".error-summary");
        assertThat(browser.text(".error-summary")).contains("Skriv en rubrik.");
        assertThat(browser.find("#a-title").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#a-start").getAttribute("value")).isEqualTo("2024-03-01");
        browser.assertAccessible("plan-12-manager-refused");

        browser.find("#a-title").sendKeys("Temadagar om det svåra samtalet");
        browser.find("#a-description").sendKeys("Två temadagar för chefer i staben.");
        browser.clickAndAwaitNewPage(browser.find("#save"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("ST2024-101 är tillagd.");
        assertThat(browser.text("#a-ST2024-101")).contains("Temadagar om det svåra samtalet").contains("Avdelningens egen")
                .contains("Emma Berglund");
        browser.assertAccessible("plan-13-manager-added");

        // the manager downloads their department's uppsiktsrapport from the report workspace: it is in it
        browser.go("/rapport/2024-T1");
        String link = browser.find(".rapport-documents a[href*='department=Staben'][href$='format=html']")
                .getAttribute("href");
        org.openqa.selenium.Cookie session = browser.driver().manage().getCookieNamed(
                se.ange.tertial.web.signin.WebSessions.COOKIE);
        java.net.http.HttpResponse<String> report = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(link))
                        .header("Cookie", session.getName() + "=" + session.getValue())
                        .timeout(java.time.Duration.ofMinutes(2)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("Temadagar om det svåra samtalet");

        browser.driver().manage().deleteAllCookies();
        SignInSteps.signIn(browser, outbox, people, PlanPagesHttpTest.EMMA);
        browser.go("/mina");
        assertThat(browser.text("main")).contains("Temadagar om det svåra samtalet");
        browser.screenshot("plan-14-owner-mina");
        browser.go("/plan/2024");
        assertThat(browser.text("h1")).isEqualTo("Du har inte behörighet");
        assertThat(browser.text("main")).doesNotContain("ST2024-101");
    }

    @Test
    void stab_moves_an_activity_changes_its_owners_ends_one_and_previews_the_new_year() {
        Api stab = freshPlan(PlanPagesHttpTest.SARA);
        SignInSteps.signIn(browser, outbox, people, PlanPagesHttpTest.SARA);
        browser.go("/plan/2024");
        browser.clickAndAwaitNewPage(browser.find("a[aria-label='Ändra KS2024-002']"));
        browser.await("#a-goal");
        assertThat(browser.text("h1")).isEqualTo("Ändra KS2024-002");
        assertThat(browser.text("main")).contains("Emma Berglund: ingen ersättare");
        browser.assertAccessible("plan-20-stab-edit");

        new Select(browser.find("#a-goal")).selectByValue("3.1.2");
        Select owners = new Select(browser.find("#a-owners"));
        owners.deselectAll();
        owners.selectByValue("ahmed.karimi@ange.example");
        browser.clickAndAwaitNewPage(browser.find("#save"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Ändringarna i KS2024-002 är sparade.");
        assertThat(browser.text("#ks-3-1-2 ~ table")).contains("KS2024-002").contains("Ahmed Karimi");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> moved = (java.util.Map<String, Object>) Api.body(stab.get("/api/activities/KS2024-002"))
                .get("activity");
        assertThat(moved).containsEntry("goal", "3.1.2");
        assertThat(moved.get("owners").toString()).contains("ahmed.karimi@ange.example").doesNotContain("emma.berglund");

        browser.go("/plan/2024/aktivitet/KS2024-002");
        browser.clickAndAwaitNewPage(browser.find("#end"));
        browser.await("#confirm-end");
        assertThat(browser.text("main")).contains("rapporteras som avslutad för 2024-T1");
        browser.assertAccessible("plan-21-stab-end");
        browser.find("#end-status").click();
        browser.find("#end-comment").sendKeys("Föreläsningarna hölls i mars.");
        browser.clickAndAwaitNewPage(browser.find("#confirm-end"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("KS2024-002 är avslutad.");
        assertThat(browser.text("#a-KS2024-002")).contains("Avslutad enligt plan");

        browser.clickAndAwaitNewPage(browser.find("a[href='/plan/2024/kopiera']"));
        browser.await("#copy");
        assertThat(browser.text("#copy-counts")).contains("1 avslutad aktivitet kopieras inte");
        assertThat(browser.text("#copied")).doesNotContain("KS2024-002");
        browser.assertAccessible("plan-22-copy-preview");
        browser.clickAndAwaitNewPage(browser.find("#copy"));
        browser.await("p[role=status]");
        assertThat(browser.path()).startsWith("/plan/2025");
        assertThat(browser.text("h1")).isEqualTo("Plan 2025");
        browser.assertAccessible("plan-23-copied");
    }

    private static String row(String ref, String title, String start, String end) {
        return PlanCsv.row(ref, title, start, end, "Staben", "HR och Kommunikation");
    }

    private void upload(String csv) {
        try {
            Path file = Files.createTempFile("plan", ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            browser.find("#import-kind-plan").click();
            browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
            browser.find("#preview").click();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
