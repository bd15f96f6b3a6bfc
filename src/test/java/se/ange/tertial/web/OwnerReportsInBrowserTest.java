package se.ange.tertial.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.BrowserTest;

/**
 * An owner in a real Chromium: asks for a sign-in link, follows it, reports a deviation without a comment
 * (refused, and told why), then with one; the API shows the report (channel WEB). Every page passes axe-core.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
class OwnerReportsInBrowserTest extends BrowserTest {

    private static final String EMMA = "emma.berglund@ange.example";

    @BeforeEach
    void plan() {
        freshPlan(null);
    }

    @Test
    void an_owner_signs_in_by_mail_and_reports_a_deviation_only_with_a_comment() {
        browser.go("/mina");
        assertThat(browser.path()).isEqualTo("/login?next=%2Fmina");
        browser.assertAccessible("01-login");

        SignInSteps.askForLink(browser, EMMA);
        assertThat(browser.text("p[role=status]")).contains(EMMA).contains("15 minuter");
        browser.assertAccessible("02-login-sent");

        browser.go(SignInSteps.linkFor(outbox, people, EMMA));
        assertThat(browser.text("main")).contains("Emma Berglund");
        browser.assertAccessible("03-login-confirm");
        browser.clickAndAwaitNewPage(browser.find("#confirm"));
        browser.await("main h1");
        assertThat(browser.path()).isEqualTo("/mina");
        assertThat(browser.text("h1")).isEqualTo("Mina aktiviteter – 2024-T1");
        assertThat(browser.text(".lead")).contains("kvar att rapportera för 2024-T1, senast 30 april");
        browser.assertAccessible("04-mina");

        browser.find("#a-KS2024-002-s3").click(); // Pågående med avvikelse
        browser.find("#a-KS2024-002-comment").clear();
        browser.find("#a-KS2024-002 button[type=submit]").click();
        browser.await("#a-KS2024-002 .error-summary");
        assertThat(browser.text("#a-KS2024-002 .error-summary"))
                .contains("en kommentar krävs för Pågående med avvikelse");
        assertThat(browser.find("#a-KS2024-002-comment").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(reports("KS2024-002")).isEmpty();
        browser.assertAccessible("05-mina-comment-needed");

        browser.find("#a-KS2024-002-comment").sendKeys("Föreläsningen flyttad till maj: föreläsaren sjuk");
        browser.find("#a-KS2024-002 button[type=submit]").click();
        browser.await("#a-KS2024-002 .success");
        assertThat(browser.text("#a-KS2024-002")).contains("Sparat för 2024-T1")
                .contains("Rapporterad för 2024-T1: Pågående med avvikelse");
        browser.assertAccessible("06-mina-reported");

        List<Map<String, Object>> history = reports("KS2024-002");
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsEntry("tertial", "2024-T1").containsEntry("status", "PAGAENDE_MED_AVVIKELSE")
                .containsEntry("comment", "Föreläsningen flyttad till maj: föreläsaren sjuk")
                .containsEntry("channel", "WEB");
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused_and_records_nothing() {
        SignInSteps.signIn(browser, outbox, people, EMMA);
        browser.awaitNewPage(() -> ((JavascriptExecutor) browser.driver()).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/aktiviteter/KS2024-002/status';
                for (const [name, value] of [['status', 'PAGAENDE_ENLIGT_PLAN'], ['comment', 'utan token']]) {
                  const input = document.createElement('input');
                  input.type = 'hidden'; input.name = name; input.value = value;
                  form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();"""));
        browser.await("main h1");
        assertThat(browser.text("h1")).isEqualTo("Formuläret har gått ut");
        browser.screenshot("07-csrf-refused");
        assertThat(reports("KS2024-002")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> reports(String ref) {
        Map<String, Object> detail = Api.body(admin.as(Api.BOOTSTRAP_ADMIN).get("/api/activities/" + ref));
        return (List<Map<String, Object>>) detail.get("history");
    }
}
