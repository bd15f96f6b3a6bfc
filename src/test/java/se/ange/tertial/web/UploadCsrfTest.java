package se.ange.tertial.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.web.signin.WebSessions;

/**
 * An upload form (multipart) is held to the same CSRF rule as every other form, and the check leaves the upload
 * whole for the page that receives it.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
@Property(name = "tertial.test.upload-probe", value = "true")
class UploadCsrfTest {

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    WebSessions sessions;

    @Inject
    PersonRepository people;

    @Inject
    @io.micronaut.http.client.annotation.Client("/")
    io.micronaut.http.client.HttpClient client;

    WebClient web;

    @BeforeEach
    void signedIn() {
        TestDatabase.clear(dataSource);
        new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).postCsv("/api/import/people", Fixtures.people());
        web = new WebClient(server.getURL().toString());
        web.setCookie(WebSessions.COOKIE, sessions.startFor(people.findByEmail("sara.lindqvist@ange.example")
                .orElseThrow(), "test").cookie().getValue());
        web.get("/installningar"); // a page, for the form token
    }

    @Test
    void an_upload_with_the_token_arrives_whole() throws Exception {
        byte[] file = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(file);

        HttpResponse<String> answer = web.postMultipart("/prov/uppladdning", Map.of(), "fil", "plan.csv", file);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(file.length + " "
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
    }

    @Test
    void an_upload_without_the_token_is_refused_with_a_page() {
        HttpResponse<String> answer = web.postMultipart("/prov/uppladdning", Map.of("_csrf", "fel"), "fil", "plan.csv",
                "ref;titel\n".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void a_body_that_is_not_the_multipart_it_claims_is_refused_not_a_500() {
        HttpResponse<String> answer = web.postMultipart("/prov/uppladdning", Map.of("_csrf", "fel"), "fil", "x",
                new byte[0]);
        assertThat(answer.statusCode()).isEqualTo(403);
    }
}
