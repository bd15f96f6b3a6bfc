package se.ange.tertial.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.BrowserTest;

/**
 * Someone who uses no mouse: from the skip link, through the status radios (arrow keys), the comment and the
 * button, a report is made with the keyboard alone, and the focus is visible at every step.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
class KeyboardOnlyTest extends BrowserTest {

    private static final String EMMA = "emma.berglund@ange.example";

    @BeforeAll
    void plan() {
        freshPlan(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_owner_reports_with_the_keyboard_alone() {
        SignInSteps.signIn(browser, outbox, people, EMMA);
        browser.go("/mina");
        browser.await("main h1");
        // start as a person does on a freshly loaded page: the document has focus, nothing in it yet (a loaded
        // machine can leave focus outside the page, and the first Tab would then only enter it)
        browser.driver().executeScript("window.focus(); if (document.activeElement) document.activeElement.blur();");
        Actions keys = new Actions(browser.driver());
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused().getText()).isEqualTo("Hoppa till innehållet");
        keys.sendKeys(Keys.ENTER).perform();
        // from the main content, tab to the first card's first status and choose the second with an arrow key
        WebElement first = browser.find("main article input[type=radio]");
        String card = first.getAttribute("id").replaceAll("-s1$", "");
        for (int i = 0; i < 30 && !first.equals(focused()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(focused()).isEqualTo(first);
        assertThat(browser.driver().executeScript(
                "return getComputedStyle(document.activeElement, ':focus-visible') !== null"
                        + " && document.activeElement.matches(':focus-visible')")).isEqualTo(true);
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        assertThat(focused().getAttribute("id")).isEqualTo(card + "-s2");
        keys.sendKeys(Keys.TAB).sendKeys("Enligt plan, inget att tillägga").sendKeys(Keys.TAB).perform();
        assertThat(focused().getText()).isEqualTo("Rapportera");
        keys.sendKeys(Keys.ENTER).perform();
        browser.await("#" + card + " .success");
        browser.screenshot("keyboard-01-reported");
        String ref = card.substring(2);
        Map<String, Object> detail = Api.body(new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).get("/api/activities/" + ref));
        List<Map<String, Object>> history = (List<Map<String, Object>>) detail.get("history");
        assertThat(history).singleElement().satisfies(report -> assertThat(report)
                .containsEntry("status", "PAGAENDE_ENLIGT_PLAN").containsEntry("comment", "Enligt plan, inget att tillägga"));
    }

    private WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }
}
