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

    String session;

    @BeforeEach
    void signedIn() {
        TestDatabase.clear(dataSource);
        new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).postCsv("/api/import/people", Fixtures.people());
        web = new WebClient(server.getURL().toString());
        session = sessions.startFor(people.findByEmail("sara.lindqvist@ange.example").orElseThrow(), "test")
                .cookie().getValue();
        web.setCookie(WebSessions.COOKIE, session);
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

    /**
     * A browser may send a form's body in pieces after its headers (Chromium does); the token check reads a copy
     * of the body as it arrives, and the page must still get every byte of every field.
     */
    @Test
    void a_form_whose_body_arrives_in_pieces_reaches_the_page_whole() throws Exception {
        String text = "name,email,role,department,unit,slack_user_id\r\n"
                + "Ida Nyström,ida.nystrom@ange.example,owner,Socialavdelningen,Hemtjänst,\r\n".repeat(40);
        byte[] body = ("_csrf=" + java.net.URLEncoder.encode(web.csrf(), StandardCharsets.UTF_8) + "&text="
                + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /prov/uppladdning/formular HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort()
                + "\r\nOrigin: " + server.getURL() + "\r\nCookie: " + WebSessions.COOKIE + "=" + session
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        for (int round = 0; round < 40; round++) {
            // the first half of the rounds cut the body itself, the second half send some of it with the headers
            int cut = round < 20 ? head.length + 1 + round * (body.length - 2) / 19
                    : head.length - 10 + (round - 20) * (body.length / 19);
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
                socket.setSoTimeout(10_000);
                socket.setTcpNoDelay(true);
                var out = socket.getOutputStream();
                out.write(request, 0, cut);
                out.flush();
                Thread.sleep(round % 3 == 0 ? 1 : 30);
                out.write(request, cut, request.length - cut);
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as("cut at %d of %d", cut, request.length).startsWith("HTTP/1.1 200")
                        .endsWith("\r\n\r\n" + text);
            }
        }
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
