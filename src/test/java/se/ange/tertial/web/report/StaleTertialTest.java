package se.ange.tertial.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.web.WebClient;
import se.ange.tertial.web.signin.WebSessions;

/**
 * A form shown while one tertial is asked about and sent after the next one is would be filed under the new
 * tertial: it is refused and shown again for the new one, nothing recorded.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-06-20T08:00:00Z")
class StaleTertialTest {

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

    @Inject
    ActivityCatalog catalog;

    @Inject
    MutableClock clock;

    @Test
    void a_report_for_the_tertial_the_page_showed_is_refused_once_the_asked_tertial_has_moved_on() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        WebClient web = new WebClient(server.getURL().toString());
        web.setCookie(WebSessions.COOKIE, sessions.startFor(people.findByEmail("emma.berglund@ange.example")
                .orElseThrow(), "test").cookie().getValue());
        HttpResponse<String> shown = web.get("/aktiviteter/KS2024-002");
        assertThat(shown.body()).contains("name=\"tertial\" value=\"2024-T1\"");

        clock.set(Instant.parse("2024-08-15T08:00:00Z")); // T2 is asked about now
        // (weeks later the session has ended; signed in again, the old page's form is sent)
        web.setCookie(WebSessions.COOKIE, sessions.startFor(people.findByEmail("emma.berglund@ange.example")
                .orElseThrow(), "test").cookie().getValue());
        web.get("/mina");
        HttpResponse<String> sent = web.post("/aktiviteter/KS2024-002/status", Map.of("status", "PAGAENDE_ENLIGT_PLAN",
                "comment", "", "from", "/aktiviteter/KS2024-002", "tertial", "2024-T1"));
        assertThat(sent.statusCode()).isEqualTo(422);
        assertThat(sent.body()).contains("Sidan visade 2024-T1, men nu rapporteras status för 2024-T2.")
                .contains("name=\"tertial\" value=\"2024-T2\"");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).isEmpty();

        HttpResponse<String> again = web.post("/aktiviteter/KS2024-002/status", Map.of("status", "PAGAENDE_ENLIGT_PLAN",
                "comment", "", "from", "/aktiviteter/KS2024-002", "tertial", "2024-T2"));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).singleElement()
                .satisfies(report -> assertThat(report.tertial()).isEqualTo("2024-T2"));
    }
}
