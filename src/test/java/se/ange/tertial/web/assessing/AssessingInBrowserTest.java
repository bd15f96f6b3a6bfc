package se.ange.tertial.web.assessing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.BrowserTest;
import se.ange.tertial.web.SignInSteps;

/**
 * Assessing goals and writing the report's texts in a real Chromium: stab decides a goal with an analysis
 * (and the måluppföljning's DOCX carries both), reports a measure's outcome (which the suggestion then goes by),
 * edits a text section and restores the default after confirming; a manager works on their own goal. Every
 * state passes axe-core.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
class AssessingInBrowserTest extends BrowserTest {

    private static final String ANALYSIS = "Två av aktiviteterna har fått vänta på nya lokaler; resten går enligt plan.";

    private Api stab;

    @BeforeEach
    void plan() {
        stab = freshPlan(AssessingHttpTest.SARA);
    }

    @Test
    void stab_decides_a_goal_and_the_docx_has_the_decision_and_the_analysis() throws IOException, InterruptedException {
        SignInSteps.signIn(browser, outbox, people, AssessingHttpTest.SARA);
        browser.go(AssessingHttpTest.SHARED_GOAL);
        assertThat(browser.text("h1")).contains("KS-mål 3.1.1");
        assertThat(browser.text("#suggestion")).contains("utifrån målets aktiviteter");
        assertThat(browser.text("#decision-state")).contains("Ingen har bedömt målet än");
        assertThat(browser.all("#activities tbody tr")).isNotEmpty();
        assertThat(browser.find("#next").getAttribute("href")).endsWith("/rapport/2024-T1/mal/2024/3.1.2");
        browser.assertAccessible("mal-01-stab-goal");

        browser.find("#assessment-DELVIS_UPPFYLLD").click();
        browser.find("#analysis").clear();
        browser.find("#analysis").sendKeys(ANALYSIS);
        browser.clickAndAwaitNewPage(browser.find("#decide"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Bedömningen är sparad.");
        assertThat(browser.text("#decision-state")).contains("Beslutad bedömning: ◕ Delvis uppfylld")
                .contains("Sara Lindqvist");
        assertThat(browser.find("#assessment-DELVIS_UPPFYLLD").isSelected()).isTrue();
        assertThat(browser.find("#analysis").getAttribute("value")).isEqualTo(ANALYSIS);
        browser.assertAccessible("mal-02-decided");

        // downloaded as stab would: the board's måluppföljning link on the report workspace, with the session
        browser.go("/rapport/2024-T1");
        String link = browser.find(".rapport-documents a[href*='kind=maluppfoljning'][href$='format=docx']")
                .getAttribute("href");
        org.openqa.selenium.Cookie session = browser.driver().manage().getCookieNamed(
                se.ange.tertial.web.signin.WebSessions.COOKIE);
        // the first document of a run loads fonts and templates: more than the client's default read timeout
        java.net.http.HttpResponse<byte[]> docx = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(link)).header("Cookie", session.getName() + "=" + session.getValue())
                .timeout(java.time.Duration.ofMinutes(2)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            String all = text.getText();
            int goal = all.indexOf("stimulera till utveckling av hälsofrämjande arbetsplatser"); // KS 3.1.1
            assertThat(goal).isNotNegative();
            assertThat(all.substring(goal)).containsPattern("Delvis uppfyll[dt]").contains(ANALYSIS);
        }
    }

    @Test
    void a_measure_outcome_shows_on_the_page_and_in_the_suggestions_basis() {
        Map<String, Object> created = Api.body(stab.postJson("/api/goals/2024/3.2.1/measures", Map.of(
                "name", "Nöjda brukare", "unit", "%", "baseline", "80,5", "target", "90", "direction", "INCREASE")));
        long id = ((Number) created.get("id")).longValue();
        SignInSteps.signIn(browser, outbox, people, AssessingHttpTest.SARA);
        browser.go(AssessingHttpTest.OWN_GOAL);
        assertThat(browser.text("#suggestion")).contains("utifrån målets mått");
        assertThat(browser.text("#reasoning")).contains("inget utfall");
        assertThat(browser.text("#measure-" + id)).contains("80,5 %").contains("90 %").contains("Ska öka");
        browser.assertAccessible("mal-03-measure");

        browser.find("#value-" + id).sendKeys("84,5");
        browser.find("#comment-" + id).sendKeys("Enkäten i mars.");
        browser.clickAndAwaitNewPage(browser.find("#measure-" + id + " button[type=submit]"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Utfallet är sparat.");
        assertThat(browser.text("#outcome-" + id)).contains("84,5 %")
                .contains("Rapporterat av Sara Lindqvist den 10 april 2024");
        assertThat(browser.text("#reasoning")).contains("Bedömt efter målets mått").contains("har förbättrats");
        assertThat(browser.find("#value-" + id).getAttribute("value")).isEqualTo("84,5");
        browser.assertAccessible("mal-04-outcome");

        browser.find("#value-" + id).clear();
        browser.find("#value-" + id).sendKeys("mycket");
        browser.clickAndAwaitNewPage(browser.find("#measure-" + id + " button[type=submit]"));
        browser.await(".error-summary");
        assertThat(browser.text(".error-summary")).contains("Skriv utfallet som ett tal");
        assertThat(browser.find("#value-" + id).getAttribute("aria-invalid")).isEqualTo("true");
        browser.assertAccessible("mal-05-outcome-refused");
    }

    @Test
    void stab_edits_a_text_section_and_restores_the_default() {
        SignInSteps.signIn(browser, outbox, people, AssessingHttpTest.SARA);
        browser.go("/rapport/2024-T1/texter");
        assertThat(browser.text("h1")).contains("måluppföljningen");
        String standard = browser.find("#text-analysis").getAttribute("value");
        assertThat(standard).contains("Under tertial 1 2024");
        assertThat(browser.text("#state-analysis")).contains("Standardtext");
        assertThat(browser.all("#reset-analysis")).isEmpty();
        browser.assertAccessible("texter-01-stab");

        browser.find("#text-analysis").clear();
        browser.find("#text-analysis").sendKeys("Tertialet har i stort gått enligt plan.");
        browser.clickAndAwaitNewPage(browser.find("#save-analysis"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Texten är sparad.");
        assertThat(browser.text("#state-analysis")).contains("Skriven av Sara Lindqvist den 10 april 2024");
        assertThat(browser.find("#text-analysis").getAttribute("value")).isEqualTo("Tertialet har i stort gått enligt plan.");
        assertThat(Api.body(stab.get("/api/reports/2024-T1/texts?kind=maluppfoljning")))
                .containsEntry("analysis", "Tertialet har i stort gått enligt plan.");
        browser.assertAccessible("texter-02-saved");

        browser.clickAndAwaitNewPage(browser.find("#reset-analysis"));
        browser.await("#confirm-analysis");
        assertThat(browser.text("#confirm-analysis")).contains("Vill du återställa standardtexten för Sammanfattning och analys?");
        browser.assertAccessible("texter-03-confirm");
        browser.clickAndAwaitNewPage(browser.find("#confirm-reset-analysis"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Standardtexten gäller igen.");
        assertThat(browser.find("#text-analysis").getAttribute("value")).isEqualTo(standard);
        assertThat(browser.text("#state-analysis")).contains("Standardtext");
        browser.assertAccessible("texter-04-reset");
    }

    @Test
    void a_manager_assesses_their_own_goal_and_writes_their_departments_texts() {
        SignInSteps.signIn(browser, outbox, people, AssessingHttpTest.MARIA);
        browser.go(AssessingHttpTest.OWN_GOAL);
        assertThat(browser.text("h1")).contains("KS-mål 3.2.1");
        assertThat(browser.all("input[name=assessment]")).hasSize(4);
        browser.assertAccessible("mal-06-manager-goal");
        browser.find("#assessment-EJ_UPPFYLLD").click();
        browser.clickAndAwaitNewPage(browser.find("#decide"));
        browser.await(".error-summary, p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Bedömningen är sparad.");

        browser.go(AssessingHttpTest.SHARED_GOAL);
        assertThat(browser.text("#read-only")).contains("stab gör bedömningen");
        browser.assertAccessible("mal-07-manager-shared");

        browser.go("/rapport/2024-T1/texter");
        assertThat(browser.text("h1")).contains("uppsiktsrapporten för Socialavdelningen");
        assertThat(browser.all("#kind option")).hasSize(1);
        browser.find("#text-delimitation").clear();
        browser.find("#text-delimitation").sendKeys("Rapporten gäller särskilda boenden.");
        browser.clickAndAwaitNewPage(browser.find("#save-delimitation"));
        browser.await("p[role=status]");
        assertThat(browser.text("#state-delimitation")).contains("Maria Sjöberg");
        browser.assertAccessible("texter-05-manager");
    }
}
