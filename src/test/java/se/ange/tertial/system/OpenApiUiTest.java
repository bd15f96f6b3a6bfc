package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import se.ange.tertial.support.Browser;

/**
 * The generated OpenAPI document, browsable in Swagger UI served from the jar, for anyone: the page, every
 * script and stylesheet it names, and the document its set-up points at answer with the right types, under a
 * Content-Security-Policy that allows this server's scripts and no inline one. In Chromium the operations list
 * appears.
 */
@MicronautTest(environments = "test")
class OpenApiUiTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");
    private static final Pattern SPEC_URL = Pattern.compile("url: \"(/[^\"]+)\"");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Test
    void the_ui_its_scripts_and_the_document_are_served_to_anyone() {
        BlockingHttpClient http = client.toBlocking();
        HttpResponse<String> page = http.exchange(HttpRequest.GET("/swagger-ui/index.html"), String.class);
        assertThat(page.code()).isEqualTo(200);
        assertThat(type(page)).startsWith("text/html");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-eval")
                .doesNotContainPattern("script-src[^;]*unsafe-inline");
        assertThat(page.body()).doesNotContainPattern("<script>[^<]");

        List<String> assets = new ArrayList<>();
        Matcher asset = ASSET.matcher(page.body());
        while (asset.find()) {
            assets.add(asset.group(1));
        }
        assertThat(assets).contains("/swagger-ui/init.js").anyMatch(a -> a.endsWith("swagger-ui-bundle.js"))
                .anyMatch(a -> a.endsWith(".css"));
        for (String path : assets) {
            HttpResponse<String> answer = http.exchange(HttpRequest.GET(path), String.class);
            assertThat(answer.code()).as(path).isEqualTo(200);
            assertThat(type(answer)).as(path).matches(path.endsWith(".css") ? "text/css.*" : "(application|text)/javascript.*");
        }

        String init = http.retrieve(HttpRequest.GET("/swagger-ui/init.js"), String.class);
        Matcher spec = SPEC_URL.matcher(init);
        assertThat(spec.find()).as("init.js names the document").isTrue();
        HttpResponse<String> document = http.exchange(HttpRequest.GET(spec.group(1)), String.class);
        assertThat(document.code()).isEqualTo(200);
        assertThat(type(document)).matches("(text/plain|text/yaml|application/yaml|application/x-yaml).*");
        assertThat(document.body()).startsWith("openapi: 3").contains("title: Tertial").contains("/api/outbox:")
                .contains("securitySchemes:");   // Swagger UI's "Authorize" sends a bearer token
        assertThat(http.exchange(HttpRequest.GET("/swagger-ui/"), String.class).body()).isEqualTo(page.body());
    }

    @Test
    void the_page_lists_the_operations_in_a_browser() {
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.go("/swagger-ui/index.html");
            browser.await(".opblock .opblock-summary-path");
            List<String> paths = browser.all(".opblock .opblock-summary-path").stream()
                    .map(WebElement::getText).map(text -> text.replace("\u200B", "").strip()).toList();
            assertThat(paths).contains("/api/outbox", "/api/reminders/run");
            assertThat(browser.driver().findElement(By.cssSelector(".info .title")).getText()).contains("Tertial");
        }
    }

    private static String type(HttpResponse<?> response) {
        return response.getContentType().map(Object::toString).orElse("");
    }
}
