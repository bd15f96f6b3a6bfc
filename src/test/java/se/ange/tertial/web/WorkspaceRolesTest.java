package se.ange.tertial.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.web.signin.WebSessions;

/**
 * The workspace's pages by role, in one table: each role gets the pages its work needs, and every other page
 * answers 403 with the page that says so (never a redirect loop, a blank page or JSON). The menu offers exactly
 * the pages a role gets.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceRolesTest {

    private static final String OWNER = "emma.berglund@ange.example";
    private static final String MANAGER = "johan.nordin@ange.example";   // Staben
    private static final String STAB = "sara.lindqvist@ange.example";
    private static final String ADMIN = "alva.admin@ange.example";

    /** Page → who gets it (O owner, M manager, S stab, A admin). */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/plan/2024", "MS");
        PAGES.put("/plan/2024/import", "MS");
        PAGES.put("/plan/2024/kopiera", "S");
        PAGES.put("/rapport/2024-T1", "MS");
        PAGES.put("/rapport/2024-T1/mal/2024/3.1.1", "MS");
        PAGES.put("/rapport/2024-T1/texter", "MS");
        PAGES.put("/rapport/2024-T1/stang", "S");
        PAGES.put("/personer", "SA");
        PAGES.put("/personer/organisation", "SA");
        PAGES.put("/personer/import", "A");
        PAGES.put("/utskick", "SA");
        PAGES.put("/utskick/utkorg", "SA");
        PAGES.put("/utskick/inkommande", "SA");
        PAGES.put("/utskick/logg", "SA");
    }

    /** The menu's entries for the new pages, by role. */
    private static final Map<String, List<String>> MENU = Map.of(
            "O", List.of(),
            "M", List.of("/plan", "/rapport"),
            "S", List.of("/plan", "/rapport", "/personer", "/utskick"),
            "A", List.of("/personer", "/utskick"));

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

    @BeforeAll
    void register() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.postCsv("/api/import/people", "name,email,role,department\nAlva Admin," + ADMIN + ",admin,Staben\n");
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @Test
    void each_role_gets_its_pages_and_a_page_that_says_no_for_the_others() {
        List<String> wrong = new ArrayList<>();
        Map<String, String> roles = Map.of("O", OWNER, "M", MANAGER, "S", STAB, "A", ADMIN);
        roles.forEach((role, email) -> {
            WebClient web = signedIn(email);
            PAGES.forEach((path, allowed) -> {
                HttpResponse<String> page = web.get(path);
                int expected = allowed.contains(role) ? 200 : 403;
                boolean html = page.body().startsWith("<!DOCTYPE html>");
                boolean saysNo = expected == 200 || page.body().contains("Du har inte behörighet");
                if (page.statusCode() != expected || !html || !saysNo) {
                    wrong.add(role + " " + path + ": " + page.statusCode() + (html ? "" : " (not a page)")
                            + (saysNo ? "" : " (does not say why)"));
                }
            });
        });
        assertThat(wrong).as("pages answered otherwise than the role allows").isEmpty();
    }

    @Test
    void the_menu_offers_each_role_exactly_the_pages_it_gets() {
        Map<String, String> roles = Map.of("O", OWNER, "M", MANAGER, "S", STAB, "A", ADMIN);
        roles.forEach((role, email) -> {
            String home = signedIn(email).get("/aktiviteter").body();
            for (String entry : List.of("/plan", "/rapport", "/personer", "/utskick")) {
                assertThat(home.contains("<li><a href=\"" + entry + "\""))
                        .as("%s's menu has %s", role, entry).isEqualTo(MENU.get(role).contains(entry));
            }
        });
    }

    private WebClient signedIn(String email) {
        WebClient web = new WebClient(server.getURL().toString());
        web.setCookie(WebSessions.COOKIE, sessions.startFor(people.findByEmail(email).orElseThrow(), "test").cookie()
                .getValue());
        return web;
    }
}
