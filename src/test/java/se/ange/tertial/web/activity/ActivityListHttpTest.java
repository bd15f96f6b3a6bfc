package se.ange.tertial.web.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.web.signin.WebSessions;

/**
 * The list over HTTP with a session cookie: the CSV carries the filters and only what the viewer may read,
 * and no query value, however odd, gives a 500.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityListHttpTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    PersonRepository people;

    @Inject
    WebSessions sessions;

    @BeforeEach
    void plan() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @Test
    void the_csv_has_the_filters_and_only_readable_rows() {
        Cookie maria = sessionOf(ActivityPagesInBrowserTest.MARIA);
        Answer all = get("/aktiviteter.csv", maria);
        assertThat(all.code()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("text/csv");
        List<String> rows = lines(all);
        assertThat(rows.get(0)).startsWith("\uFEFFReferens;Rubrik;Avdelning;");
        assertThat(rows).hasSize(1 + 22);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).contains(";Socialavdelningen;"));

        List<String> sara = lines(get("/aktiviteter.csv", sessionOf(ActivityPagesInBrowserTest.SARA)));
        assertThat(sara).hasSize(1 + 79);

        List<String> filtered = lines(get("/aktiviteter.csv?goal=3.1&q=chefer", sessionOf(ActivityPagesInBrowserTest.SARA)));
        assertThat(filtered).hasSizeGreaterThan(1);
        assertThat(filtered.subList(1, filtered.size())).allSatisfy(row -> assertThat(row).contains(";3.1."));
        assertThat(filtered).anySatisfy(row -> assertThat(row).startsWith("KS2024-001;"));

        assertThat(get("/aktiviteter.csv?department=Staben", maria).code()).isEqualTo(400);
    }

    @Test
    void odd_query_values_never_give_a_server_error() {
        Cookie maria = sessionOf(ActivityPagesInBrowserTest.MARIA);
        Cookie sara = sessionOf(ActivityPagesInBrowserTest.SARA);
        List<String> queries = List.of("status=xyz", "page=-1", "page=abc", "page=99999999999", "page=2",
                "view=nope", "view=missing&tertial=2024-T9", "tertial=igår", "department=Finns%20inte",
                "department=%25", "goal=" + "9".repeat(300), "q=" + "å".repeat(500), "owner=ingen", "unit=%00",
                "status=&department=&view=", "view=deviations&tertial=1899-T1");
        for (String query : queries) {
            for (Cookie cookie : List.of(maria, sara)) {
                for (String path : List.of("/aktiviteter?", "/aktiviteter.csv?")) {
                    int code = get(path + query, cookie).code();
                    assertThat(code).as(path + query).isIn(200, 400);
                }
            }
        }
        assertThat(get("/aktiviteter?status=xyz", maria).body()).contains("Okänd status ”xyz”");
    }

    @Test
    void an_activity_another_department_holds_is_as_missing_as_one_that_does_not_exist() {
        Cookie emma = sessionOf(ActivityPagesInBrowserTest.EMMA);
        assertThat(get("/aktiviteter/KS2024-002", emma).code()).isEqualTo(200);
        Answer other = get("/aktiviteter/KS2024-001", emma);
        Answer none = get("/aktiviteter/KS2099-999", emma);
        assertThat(other.code()).isEqualTo(404);
        assertThat(none.code()).isEqualTo(404);
        assertThat(other.body().replaceAll("(?s)<body hx-headers=\"[^\"]*\"", ""))
                .isEqualTo(none.body().replaceAll("(?s)<body hx-headers=\"[^\"]*\"", ""));
    }

    private Cookie sessionOf(String email) {
        return sessions.startFor(people.findByEmail(email).orElseThrow(), "test").cookie();
    }

    /** A page's answer, whatever its status. */
    record Answer(int code, String contentType, String body) {
    }

    private Answer get(String uri, Cookie session) {
        HttpResponse<?> response;
        try {
            response = client.toBlocking().exchange(HttpRequest.GET(uri).cookie(session), byte[].class);
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
        }
        byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
        return new Answer(response.code(), response.header("Content-Type"), new String(body, StandardCharsets.UTF_8));
    }

    private static List<String> lines(Answer answer) {
        return Arrays.asList(answer.body().split("\r\n"));
    }
}
