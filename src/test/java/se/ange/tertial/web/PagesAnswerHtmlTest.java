package se.ange.tertial.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.web.signin.WebSessions;

/**
 * Every page answers a client that accepts only HTML (a browser, a link checker, a screen reader's fetch) with
 * HTML, under the pages' Content-Security-Policy — never 406 or JSON.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
class PagesAnswerHtmlTest {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    WebSessions sessions;

    @Inject
    PersonRepository people;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/mina", "/aktiviteter", "/aktiviteter?view=deviations", "/aktiviteter/KS2024-002",
            "/installningar", "/logout", "/rapport/2024-T1", "/rapport/2024-T1/stang",
            "/rapport/2024-T1/mal/2024/3.1.1", "/rapport/2024-T1/texter",
            "/personer", "/personer?q=emma&roll=OWNER", "/personer/organisation",
            "/utskick", "/utskick/utkorg", "/utskick/inkommande", "/utskick/logg",
            "/plan/2024", "/plan/2024/ny", "/plan/2024/aktivitet/KS2024-002",
            "/plan/2024/aktivitet/KS2024-002/avsluta", "/plan/2024/import", "/plan/2024/kopiera"})
    void a_page_is_html(String path) {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        WebClient web = new WebClient(server.getURL().toString());
        web.setCookie(WebSessions.COOKIE, sessions.startFor(people.findByEmail("sara.lindqvist@ange.example")
                .orElseThrow(), "test").cookie().getValue());
        HttpResponse<String> page = web.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("form-action 'self'"));
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("<html lang=\"sv\"");
    }
}
