package se.ange.tertial.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import se.ange.tertial.followup.Language;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.BrowserTest;

/**
 * A manager's own settings in a real Chromium: a deputy, an absence refused when it ends before it begins and
 * then added and removed, oneself refused as deputy, the weekly digest's day, and English, which the page
 * switches to at once. Every state passes axe-core; every change leaves the same audit row as the API's.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
class SettingsInBrowserTest extends BrowserTest {

    private static final String JOHAN = "johan.nordin@ange.example";
    private static final String EMMA = "emma.berglund@ange.example";

    @BeforeEach
    void plan() {
        freshPlan(null);
    }

    @Test
    void a_manager_sets_deputy_absence_digest_and_language_and_each_change_is_audited() {
        SignInSteps.signIn(browser, outbox, people, JOHAN);
        browser.go("/installningar");
        assertThat(browser.text("h1")).isEqualTo("Inställningar");
        assertThat(browser.text("main")).contains("Påminnelser och språk").contains("Veckans sammanställning")
                .contains("Du har ingen ersättare.").contains("Du har ingen kommande frånvaro.");
        assertThat(browser.find("#channel").isSelected()).isTrue(); // e-mail; Slack is off in the tests
        assertThat(browser.all("input[name=channel]")).hasSize(1);
        assertThat(browser.find("a[aria-current=page]").getText()).isEqualTo("Inställningar");
        browser.assertAccessible("installningar-01-start");

        new Select(browser.find("#deputy")).selectByValue(EMMA);
        browser.clickAndAwaitNewPage(browser.find("form[action='/installningar/ersattare'] button[type=submit]"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Din ersättare är sparad.");
        assertThat(browser.text("main")).contains("Din ersättare är Emma Berglund.");
        browser.assertAccessible("installningar-02-deputy");

        browser.find("#absence-from").sendKeys("2024-05-10");
        browser.find("#absence-to").sendKeys("2024-05-06");
        browser.clickAndAwaitNewPage(browser.find("form[action='/installningar/franvaro'] button[type=submit]"));
        browser.await(".error-summary");
        assertThat(browser.text(".error-summary")).contains("Något behöver rättas")
                .contains("Frånvaron kan inte sluta före den börjar.");
        assertThat(browser.text("#absence-to-error")).contains("Frånvaron kan inte sluta före den börjar.");
        assertThat(browser.find("#absence-to").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#absence-from").getAttribute("value")).isEqualTo("2024-05-10");
        browser.assertAccessible("installningar-03-absence-refused");

        browser.find("#absence-to").clear();
        browser.find("#absence-to").sendKeys("2024-05-17");
        browser.clickAndAwaitNewPage(browser.find("form[action='/installningar/franvaro'] button[type=submit]"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Frånvaron är tillagd.");
        assertThat(browser.text("ul.absences")).contains("10 maj 2024 – 17 maj 2024");
        browser.assertAccessible("installningar-04-absence");

        // oneself is not in the list; a forged choice is refused by the same rule as the API's
        assertThat(browser.all("#deputy option[value='" + JOHAN + "']")).isEmpty();
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const option = document.createElement('option');
                option.value = arguments[0]; option.text = 'Jag själv';
                document.getElementById('deputy').appendChild(option);""", JOHAN);
        new Select(browser.find("#deputy")).selectByValue(JOHAN);
        browser.clickAndAwaitNewPage(browser.find("form[action='/installningar/ersattare'] button[type=submit]"));
        browser.await(".error-summary");
        assertThat(browser.text(".error-summary")).contains("Du kan inte vara din egen ersättare.");
        assertThat(browser.text("#deputy-error")).contains("Du kan inte vara din egen ersättare.");
        browser.assertAccessible("installningar-05-deputy-self");

        new Select(browser.find("#digest-day")).selectByValue("FRIDAY");
        browser.clickAndAwaitNewPage(browser.find("form[action='/installningar/sammanstallning'] button[type=submit]"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Dina val för veckans sammanställning är sparade.");
        assertThat(new Select(browser.find("#digest-day")).getFirstSelectedOption().getText()).isEqualTo("fredag");

        browser.find("#language-en").click();
        // the page before has a status line too: wait for the new page, not for the old one's line
        browser.clickAndAwaitNewPage(browser.find("form[action='/installningar/paminnelser'] button[type=submit]"));
        browser.await("p[role=status]");
        assertThat(browser.text("h1")).isEqualTo("Settings");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.text("p[role=status]")).isEqualTo("Your reminder and language choices are saved.");
        assertThat(browser.text("main")).contains("Your deputy is Emma Berglund.").contains("10 May 2024");
        assertThat(people.findByEmail(JOHAN).orElseThrow().language()).isEqualTo(Language.EN);
        browser.assertAccessible("installningar-06-english");

        browser.clickAndAwaitNewPage(browser.find("ul.absences button[type=submit]"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("The absence is removed.");
        assertThat(browser.text("main")).contains("You have no coming absences.");
        browser.assertAccessible("installningar-07-absence-removed");

        Map<String, Object> person = Api.body(admin.get("/api/people/" + JOHAN));
        assertThat(person).containsEntry("deputy", EMMA);
        assertThat((List<?>) person.get("absences")).isEmpty();

        List<Map<String, Object>> rows = audit().stream()
                .filter(row -> ("person:" + JOHAN).equals(row.get("subject")) && "WEB".equals(row.get("channel")))
                .toList(); // the import's person.created row is the API's
        assertThat(rows).extracting(row -> row.get("action")).containsExactly("person.deputy", "person.absence",
                "digest.preferences", "person.preferences", "person.absence.removed");
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("channel", "WEB")
                .containsEntry("actor", JOHAN));
        Long emma = people.findByEmail(EMMA).orElseThrow().id();
        assertThat(rows.get(0)).containsEntry("beforeValue", "{\"deputy\":\"null\"}")
                .containsEntry("afterValue", "{\"deputy\":\"" + emma + "\"}");
        assertThat((String) rows.get(1).get("afterValue")).contains("2024-05-10").contains("2024-05-17");
        assertThat((String) rows.get(3).get("afterValue")).contains("\"language\":\"EN\"");
        assertThat((String) rows.get(4).get("beforeValue")).contains("2024-05-10");
    }

    @Test
    void an_owner_sees_no_digest_and_missing_dates_are_named() {
        SignInSteps.signIn(browser, outbox, people, EMMA);
        browser.go("/installningar");
        assertThat(browser.text("main")).doesNotContain("Veckans sammanställning");
        browser.clickAndAwaitNewPage(browser.find("form[action='/installningar/franvaro'] button[type=submit]"));
        browser.await(".error-summary");
        assertThat(browser.text(".error-summary")).contains("Fyll i när frånvaron börjar.")
                .contains("Fyll i när frånvaron slutar.");
        browser.find("#absence-from").sendKeys("10 maj");
        browser.find("#absence-to").sendKeys("2024-05-12");
        browser.clickAndAwaitNewPage(browser.find("form[action='/installningar/franvaro'] button[type=submit]"));
        browser.await("#absence-from-error");
        assertThat(browser.text("#absence-from-error")).contains("åååå-mm-dd");
        browser.assertAccessible("installningar-08-owner-dates");
    }

    @Test
    void an_admin_signed_in_with_the_key_is_told_settings_belong_to_a_person() {
        browser.go("/login");
        browser.find(".first-start summary").click();
        browser.find("#key").sendKeys(Api.BOOTSTRAP_ADMIN);
        browser.clickAndAwaitNewPage(browser.find("form[action='/login/nyckel'] button[type=submit]"));
        browser.await("main h1");
        browser.go("/installningar");
        assertThat(browser.text("h1")).isEqualTo("Inställningar");
        assertThat(browser.text(".notice")).contains("Inställningarna hör till en person");
        assertThat(browser.all("form[action='/installningar/ersattare']")).isEmpty();
        browser.assertAccessible("installningar-09-no-person");
    }

    private List<Map<String, Object>> audit() {
        return admin.retrieve("/api/audit", Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }
}
