package se.ange.tertial.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never a downloaded one: Selenium Manager
 * cannot reach the internet here). One per test class; {@link #close()} it after the class. Screenshots go
 * to {@code target/screenshots/}; {@link #assertAccessible} runs axe-core (WCAG 2.1 A and AA) on the page.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** A browser for the service at {@code base} (e.g. {@code http://localhost:12345}). */
    public static Browser open(String base) {
        try {
            Path profile = Files.createTempDirectory("tertial-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(first("/usr/bin/chromium", "/usr/bin/chromium-browser"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=1280,1000", "--lang=sv-SE",
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "sv-SE,sv"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(first("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")))
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, base, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException("Not installed: " + candidates[0]
                + " (apt-get install chromium chromium-driver; .ci/run does it)");
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String base() {
        return base;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Waits (up to 10 s) until an element matching the selector is there, and returns it. */
    public WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Clicks the element and waits (up to 10 s) until the page it leads to has replaced this one: an await for an
     * element the old page also has could otherwise return before the new page is there.
     */
    public void clickAndAwaitNewPage(WebElement element) {
        awaitNewPage(element::click);
    }

    /** Runs what leads to another page (a click, a script submitting a form) and waits (up to 10 s) until it is there. */
    public void awaitNewPage(Runnable navigation) {
        // A mark on the old page's window object, gone once another document is loaded. Not stalenessOf(html):
        // mid-navigation Chromium may answer "Node with given id does not belong to the document", an error
        // stalenessOf does not catch; any WebDriver error while the page changes is retried here instead.
        driver.executeScript("window.tertialOldPage = true;");
        navigation.run();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(page -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.tertialOldPage === undefined && document.readyState === 'complete';")));
    }

    /** Saves a screenshot of the whole window as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core on the current page: no WCAG 2.1 A/AA violation (and a screenshot named after the check). */
    public void assertAccessible(String name) {
        screenshot(name);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations).as("axe-core violations on %s (%s):%n%s", name, path(), violations.stream()
                .map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
