package se.ange.tertial.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/** The answers to particular bad inputs, one behaviour each. */
@MicronautTest(environments = "test", transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class BadInputAnswersOnH2Test {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    Api stab;

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        stab = admin.withNewToken("stab", "STAB", null);
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
    }

    private static Map onlyError(HttpResponse<Map> response) {
        List<Map> errors = (List<Map>) body(response).get("errors");
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void a_patch_naming_an_unknown_department_is_refused_with_the_valid_ones_and_creates_none() {
        HttpResponse<Map> response = stab.exchange(HttpRequest.PATCH("/api/activities/KS2024-002",
                Map.of("department", "Finns Inte")));

        assertThat(response.code()).isEqualTo(422);
        Map error = onlyError(response);
        assertThat(error.get("field")).isEqualTo("department");
        assertThat((String) error.get("message")).contains("Finns Inte", "Staben", "Socialavdelningen");
        Map activity = (Map) body(stab.get("/api/activities/KS2024-002")).get("activity");
        assertThat(activity.get("department")).isEqualTo("Staben");
        assertThat(stab.get("/api/activities/overdue?department=Finns%20Inte").code()).isEqualTo(422);
    }

    @Test
    void like_wildcards_do_not_match_a_department() {
        for (String wildcard : List.of("%25", "_taben", "Stab%25")) {
            HttpResponse<Map> response = stab.exchange(HttpRequest.PATCH("/api/activities/KS2024-002",
                    Map.of("department", java.net.URLDecoder.decode(wildcard, java.nio.charset.StandardCharsets.UTF_8))));
            assertThat(response.code()).as(wildcard).isEqualTo(422);
            assertThat(stab.get("/api/activities/overdue?department=" + wildcard).code()).as(wildcard).isEqualTo(422);
        }
    }

    @Test
    void a_date_far_outside_1900_to_2200_is_a_422_naming_the_field_not_a_500() {
        HttpResponse<Map> patch = stab.exchange(HttpRequest.PATCH("/api/activities/KS2024-002",
                Map.of("endDate", "+999999999-12-31")));
        assertThat(patch.code()).isEqualTo(422);
        assertThat(onlyError(patch).get("field")).isEqualTo("endDate");

        HttpResponse<Map> query = stab.get("/api/activities?deviationsOn=%2B999999999-12-31");
        assertThat(query.code()).isEqualTo(422);
        assertThat(onlyError(query).get("field")).isEqualTo("deviationsOn");
    }

    @Test
    void an_outcome_of_1e400_or_40_digits_is_a_422_naming_outcome() {
        for (String outcome : List.of("1e400", "1234567890123456789012345678901234567890")) {
            HttpResponse<Map> response = stab.exchange(HttpRequest.POST("/api/goals/2024/3.1.1/measures",
                    "{\"name\":\"Sjukfrånvaro (%)\",\"outcome\":" + outcome + "}").contentType(MediaType.APPLICATION_JSON_TYPE));
            assertThat(response.code()).as(outcome).isEqualTo(422);
            assertThat(onlyError(response).get("field")).isEqualTo("outcome");
        }
    }

    @Test
    void too_long_texts_are_422s_naming_the_field() {
        Map<String, Object> tooLong = Map.of("title", "t".repeat(1001), "description", "d".repeat(8001),
                "unit", "u".repeat(201), "department", "a".repeat(201), "goal", "g".repeat(21));
        tooLong.forEach((field, value) -> {
            HttpResponse<Map> response = stab.exchange(HttpRequest.PATCH("/api/activities/KS2024-002", Map.of(field, value)));
            assertThat(response.code()).as(field).isEqualTo(422);
            assertThat(onlyError(response).get("field")).as(field).isEqualTo(field);
        });
        HttpResponse<Map> comment = stab.postJson("/api/activities/KS2024-002/reports",
                Map.of("status", "2", "comment", "k".repeat(8001)));
        assertThat(comment.code()).isEqualTo(422);
        assertThat(onlyError(comment).get("field")).isEqualTo("comment");
    }

    @Test
    void conversion_and_json_errors_name_the_parameter_in_swedish_without_class_names() {
        Map<String, String> asked = Map.of("/api/activities?page=abc", "page",
                "/api/activities?deviationsOn=notadate", "deviationsOn",
                "/api/outbox?state=NOPE", "state",
                "/api/audit?since=yesterday", "since");
        asked.forEach((uri, field) -> {
            HttpResponse<Map> response = stab.get(uri);
            assertThat(response.code()).as(uri).isEqualTo(400);
            assertThat(onlyError(response).get("field")).as(uri).isEqualTo(field);
            assertThat(body(response).toString()).as(uri).doesNotContain("se.ange", "java.", "Failed to convert",
                    "No enum constant", "Exception");
        });
        HttpResponse<Map> json = stab.exchange(HttpRequest.PATCH("/api/activities/KS2024-002", "{not json")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(json.code()).isEqualTo(400);
        assertThat(onlyError(json)).containsEntry("field", "body").containsEntry("line", 1);
        assertThat(body(json).toString()).doesNotContain("REDACTED", "StreamReadFeature", "Unexpected character");

        HttpResponse<Map> decoded = stab.exchange(HttpRequest.PATCH("/api/activities/KS2024-002",
                "{\"endDate\":\"2024-13-45\"}").contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(decoded.code()).isEqualTo(400);
        assertThat(onlyError(decoded).get("field")).isEqualTo("endDate");
        assertThat(body(decoded).toString()).doesNotContain("se.ange", "class");
    }

    @Test
    void a_constraint_violation_is_a_422_naming_the_property_not_the_method() {
        HttpResponse<Map> response = stab.exchange(HttpRequest.PATCH("/api/activities/KS2024-002",
                Map.of("owners", List.of("inte-en-adress"))));
        assertThat(response.code()).isEqualTo(422);
        assertThat(onlyError(response).get("field")).isEqualTo("owners[0]");
        assertThat(stab.get("/api/activities?size=0").code()).isEqualTo(422);
    }
}
