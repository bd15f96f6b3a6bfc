package se.ange.tertial.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.register.org.PersonRepository;

/**
 * What every page test in Chromium shares: one browser per class, the running server, and a fresh register with
 * the people and the 2024 plan. Subclasses carry their own {@code @MicronautTest} and clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    @Inject
    protected EmbeddedServer server;

    @Inject
    @Client("/")
    protected HttpClient client;

    @Inject
    protected DataSource dataSource;

    @Inject
    protected OutboxRepository outbox;

    @Inject
    protected PersonRepository people;

    protected Browser browser;

    /** The bootstrap admin's API, set by {@link #freshPlan}. */
    protected Api admin;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(server.getURL().toString());
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    /**
     * An empty register with the people and the 2024 plan, imported by a stab token (for {@code stabEmail}, or
     * without a person), and a browser without cookies. Returns that stab's API.
     */
    protected Api freshPlan(@Nullable String stabEmail) {
        TestDatabase.clear(dataSource);
        browser.driver().manage().deleteAllCookies();
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        Api stab = admin.withNewToken("stab", "STAB", stabEmail);
        stab.postCsv("/api/import/activities", Fixtures.plan2024());
        return stab;
    }
}
