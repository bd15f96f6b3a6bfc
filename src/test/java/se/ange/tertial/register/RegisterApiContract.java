package se.ange.tertial.register;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * The register's API, run against H2 and against PostgreSQL by the two subclasses.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class RegisterApiContract {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    /** Stab: may do everything in the register. */
    Api api;
    Api admin;

    @BeforeEach
    void emptyRegister() {
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        api = admin.withNewToken("stab-script", "STAB", null);
    }

    private void importFixture() {
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        assertThat(api.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
    }

    private long activityCount() {
        return ((Number) body(api.get("/api/activities?size=1")).get("total")).longValue();
    }

    @Test
    void importing_the_fixture_twice_creates_79_then_changes_nothing() {
        admin.postCsv("/api/import/people", Fixtures.people());
        Map first = body(api.postCsv("/api/import/activities", Fixtures.plan2024()));
        assertThat(first).containsEntry("created", 79).containsEntry("updated", 0).containsEntry("unchanged", 0);
        int auditRows = api.retrieve("/api/audit", Argument.listOf(Map.class)).size();

        Map second = body(api.postCsv("/api/import/activities", Fixtures.plan2024()));
        assertThat(second).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 79);
        assertThat(api.retrieve("/api/audit", Argument.listOf(Map.class))).hasSize(auditRows);
        assertThat(activityCount()).isEqualTo(79);
    }

    @Test
    void a_file_with_a_bad_date_on_line_5_and_an_empty_title_on_line_9_is_rejected_whole() {
        importFixture();
        List<String> lines = new java.util.ArrayList<>(Fixtures.plan2024().lines().toList());
        lines.set(1, lines.get(1).replace("Starta en riktad utbildning", "Ändrad rubrik som inte får sparas"));
        lines.set(4, lines.get(4).replace(",2024-01-01,", ",2024-13-01,"));      // line 5: KS2024-004
        lines.set(8, lines.get(8).replace(",Skapa Storytelling med temat friskvårdsbidrag,", ",,")); // line 9
        String bad = String.join("\n", lines);
        assertThat(bad.contains("2024-13-01") && bad.contains(",Vuxna,,")).as("the file was broken as meant").isTrue();

        HttpResponse<Map> response = api.postCsv("/api/import/activities", bad);

        assertThat(response.code()).isEqualTo(422);
        assertThat(response.getContentType().map(Object::toString)).contains("application/problem+json");
        List<Map> errors = (List<Map>) body(response).get("errors");
        assertThat(errors).extracting(e -> e.get("line")).containsExactlyInAnyOrder(5, 9);
        assertThat(errors).extracting(e -> e.get("column")).containsExactlyInAnyOrder("start_date", "title");
        assertThat(errors).allSatisfy(e -> assertThat((String) e.get("message")).isNotBlank());
        Map first = body(api.get("/api/activities/KS2024-001"));
        assertThat(((Map) first.get("activity")).get("title")).asString().startsWith("Starta en riktad utbildning");
    }

    @Test
    void nothing_is_stored_when_a_file_is_rejected_on_an_empty_register() {
        admin.postCsv("/api/import/people", Fixtures.people());
        String bad = Fixtures.plan2024().replace("KS2024-079,4.1", "KS2024-079,4.x");
        assertThat(api.postCsv("/api/import/activities", bad).code()).isEqualTo(422);
        assertThat(activityCount()).isZero();
        assertThat(api.retrieve("/api/goals", Argument.listOf(Map.class))).isEmpty();
    }

    @Test
    void unknown_owners_are_errors_unless_the_request_asks_to_create_them() {
        HttpResponse<Map> rejected = api.postCsv("/api/import/activities", Fixtures.plan2024());
        assertThat(rejected.code()).isEqualTo(422);
        assertThat((List<Map>) body(rejected).get("errors")).hasSize(79)
                .allSatisfy(e -> assertThat(e.get("column")).isEqualTo("owner_email"));

        Map created = body(api.postCsv("/api/import/activities?createPeople=true", Fixtures.plan2024()));
        assertThat(created).containsEntry("created", 79);
        Map activity = (Map) body(api.get("/api/activities/KS2024-002")).get("activity");
        assertThat((List<Map>) activity.get("owners")).extracting(o -> o.get("name")).containsExactly("Emma Berglund");
    }

    @Test
    void overdue_on_1_may_2024_is_every_activity_ending_before_it() throws IOException {
        importFixture();
        List<String> expected;
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Fixtures.plan2024()))) {
            expected = parser.getRecords().stream()
                    .filter(r -> LocalDate.parse(r.get("end_date")).isBefore(LocalDate.parse("2024-05-01")))
                    .map(r -> r.get("ref")).toList();
        }
        assertThat(expected).isNotEmpty();

        Map page = body(api.get("/api/activities?overdueOn=2024-05-01&size=500"));

        assertThat(page.get("total")).isEqualTo(expected.size());
        assertThat((List<Map>) page.get("items")).extracting(i -> i.get("ref")).containsExactlyElementsOf(expected);
    }

    @Test
    void a_reported_status_shows_in_the_history_with_channel_and_reporter_and_is_audited() {
        importFixture();
        HttpResponse<Map> created = api.postJson("/api/activities/KS2024-002/reports", Map.of(
                "tertial", "2024-T1", "status", "Pågående med avvikelse",
                "comment", "En föreläsning klar, den andra flyttad till hösten"));
        assertThat(created.code()).isEqualTo(201);

        Map detail = body(api.get("/api/activities/KS2024-002"));
        assertThat(((Map) detail.get("activity")).get("status")).isEqualTo("PAGAENDE_MED_AVVIKELSE");
        // reported by the stab token (no person): its name is the reporter
        List<Map> history = (List<Map>) detail.get("history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsEntry("tertial", "2024-T1").containsEntry("channel", "API")
                .containsEntry("reportedBy", "stab-script")
                .containsEntry("statusLabel", "Pågående med avvikelse")
                .containsEntry("comment", "En föreläsning klar, den andra flyttad till hösten");

        List<Map> audit = api.retrieve("/api/audit?activity=KS2024-002", Argument.listOf(Map.class));
        assertThat(audit).extracting(a -> a.get("action")).containsExactly("activity.created", "status.reported");
        Map reported = audit.get(1);
        assertThat(reported).containsEntry("actor", "stab-script").containsEntry("credential", "stab-script")
                .containsEntry("channel", "API");
        assertThat((String) reported.get("afterValue")).contains("PAGAENDE_MED_AVVIKELSE").contains("2024-T1");
    }

    @Test
    void history_is_kept_when_a_status_is_reported_again() {
        importFixture();
        api.postJson("/api/activities/KS2024-002/reports", Map.of("tertial", "2024-T1", "status", "EJ_PABORJAD"));
        api.postJson("/api/activities/KS2024-002/reports", Map.of("tertial", "2024-T1",
                "status", "pagaende enligt plan", "comment", "Rättat"));
        Map detail = body(api.get("/api/activities/KS2024-002"));
        assertThat((List<Map>) detail.get("history")).extracting(h -> h.get("status"))
                .containsExactly("EJ_PABORJAD", "PAGAENDE_ENLIGT_PLAN");
        assertThat(((Map) detail.get("activity")).get("status")).isEqualTo("PAGAENDE_ENLIGT_PLAN");
        List<Map> audit = api.retrieve("/api/audit?activity=KS2024-002", Argument.listOf(Map.class));
        assertThat((String) audit.get(2).get("beforeValue")).contains("EJ_PABORJAD");
    }

    @Test
    void the_api_reads_statuses_as_chat_and_mail_do_numbers_the_seeds_plural_and_forsenad() {
        importFixture();
        Map<String, String> sent = new java.util.LinkedHashMap<>();
        sent.put("3", "PAGAENDE_MED_AVVIKELSE");
        sent.put("Avslutad med avvikelser", "AVSLUTAD_MED_AVVIKELSE");
        sent.put("Försenad", "PAGAENDE_MED_AVVIKELSE");
        sent.put("5", "AVSLUTAD_ENLIGT_PLAN");
        sent.put("on track", "PAGAENDE_ENLIGT_PLAN");
        for (var entry : sent.entrySet()) {
            HttpResponse<Map> created = api.postJson("/api/activities/KS2024-002/reports", Map.of("tertial", "2024-T1",
                    "status", entry.getKey(), "comment", "Från API:t"));
            assertThat(created.code()).as(entry.getKey()).isEqualTo(201);
            assertThat(body(created)).as(entry.getKey()).containsEntry("status", entry.getValue());
        }
        assertThat((List<Map>) body(api.get("/api/activities?status=6")).get("items")).isEmpty();
        assertThat(api.postJson("/api/activities/KS2024-002/reports", Map.of("tertial", "2024-T1", "status", "7")).code())
                .isEqualTo(422);
    }

    @Test
    void a_bad_report_gets_a_problem_naming_the_field_and_changes_nothing() {
        importFixture();
        HttpResponse<Map> badStatus = api.postJson("/api/activities/KS2024-002/reports",
                Map.of("tertial", "2024-T1", "status", "klar typ"));
        assertThat(badStatus.code()).isEqualTo(422);
        assertThat((List<Map>) body(badStatus).get("errors")).extracting(e -> e.get("field")).containsExactly("status");
        assertThat((String) body(badStatus).get("detail")).contains("Pågående enligt plan");

        HttpResponse<Map> futureTertial = api.postJson("/api/activities/KS2024-002/reports",
                Map.of("tertial", "2099-T1", "status", "EJ_PABORJAD"));
        assertThat(futureTertial.code()).isEqualTo(422);
        // a report before the planned start (KS2024-003: September) is no bad report: work can begin early
        HttpResponse<Map> beforeStart = api.postJson("/api/activities/KS2024-003/reports",
                Map.of("tertial", "2024-T1", "status", "EJ_PABORJAD"));
        assertThat(beforeStart.code()).isEqualTo(201);
        assertThat(api.get("/api/activities/KS2099-001").code()).isEqualTo(404);
        assertThat(api.get("/api/activities/KS2099-001").getContentType().map(Object::toString))
                .contains("application/problem+json");
        assertThat((List<Map>) body(api.get("/api/activities/KS2024-002")).get("history")).isEmpty();
    }

    @Test
    void filters_combine_and_pages_count_the_whole_result() {
        importFixture();
        api.postJson("/api/activities/KS2024-002/reports", Map.of("tertial", "2024-T1", "status", "VANTELAGE"));
        Map staben = body(api.get("/api/activities?department=staben&size=5&page=1"));
        long stabenTotal = ((Number) staben.get("total")).longValue();
        assertThat(stabenTotal).isGreaterThan(5);
        assertThat((List<Map>) staben.get("items")).hasSize(5).allSatisfy(i -> assertThat(i.get("department")).isEqualTo("Staben"));

        assertThat((List<Map>) body(api.get("/api/activities?owner=emma.berglund@ange.example&size=500")).get("items"))
                .allSatisfy(i -> assertThat(i.get("owners").toString()).contains("emma.berglund@ange.example"));
        assertThat((List<Map>) body(api.get("/api/activities?status=V%C3%A4ntel%C3%A4ge")).get("items"))
                .extracting(i -> i.get("ref")).containsExactly("KS2024-002");
        assertThat((List<Map>) body(api.get("/api/activities?goal=3.1&size=500")).get("items"))
                .isNotEmpty().allSatisfy(i -> assertThat((String) i.get("goal")).startsWith("3.1."));
        assertThat((List<Map>) body(api.get("/api/activities?unit=N%C3%A4ringsliv&size=500")).get("items"))
                .isNotEmpty().allSatisfy(i -> assertThat(i.get("unit")).isEqualTo("Näringsliv"));
        // KS2024-003 starts 2024-09-01: not active in T1
        assertThat((List<Map>) body(api.get("/api/activities?tertial=2024-T1&size=500")).get("items"))
                .extracting(i -> i.get("ref")).doesNotContain("KS2024-003").contains("KS2024-001");
        assertThat(api.get("/api/activities?tertial=2024-T9").code()).isEqualTo(422);
        assertThat(api.get("/api/activities?size=0").code()).isEqualTo(422);
    }

    @Test
    void deviations_of_a_tertial_list_reported_deviations_and_missing_reports_for_a_department() {
        importFixture();
        api.postJson("/api/activities/KS2024-002/reports", Map.of("tertial", "2024-T1",
                "status", "PAGAENDE_MED_AVVIKELSE"));
        api.postJson("/api/activities/KS2024-004/reports", Map.of("tertial", "2024-T1",
                "status", "PAGAENDE_ENLIGT_PLAN", "comment", "Enligt plan"));

        Map result = body(api.get("/api/tertials/2024-T1/deviations?department=Staben"));

        assertThat(result).containsEntry("tertial", "2024-T1").containsEntry("asOf", "2024-04-30");
        List<Map> items = (List<Map>) result.get("items");
        assertThat(items).allSatisfy(i -> assertThat(((Map) i.get("activity")).get("department")).isEqualTo("Staben"));
        Map<String, List<Map>> byRef = new java.util.HashMap<>();
        items.forEach(i -> byRef.put((String) ((Map) i.get("activity")).get("ref"), (List<Map>) i.get("deviations")));
        assertThat(byRef.get("KS2024-002")).extracting(d -> d.get("kind"))
                .containsExactly("WITH_DEVIATION", "DEVIATION_WITHOUT_COMMENT");
        assertThat(byRef).doesNotContainKey("KS2024-004");
        assertThat(byRef.values()).anySatisfy(d -> assertThat(d).extracting(x -> x.get("kind")).contains("MISSING_REPORT"));
        assertThat(api.get("/api/tertials/T1/deviations").code()).isEqualTo(422);
    }

    @Test
    void deviations_on_a_date_filter_the_list() {
        importFixture();
        // Before the T1 closing window only activities begun in 2023 lack a report (for 2023-T3).
        Map january = body(api.get("/api/activities?deviationsOn=2024-01-15&size=500"));
        assertThat((List<Map>) january.get("items")).extracting(i -> i.get("ref"))
                .containsExactly("KS2024-013", "KS2024-033", "KS2024-046", "KS2024-057");
        Map april = body(api.get("/api/activities?deviationsOn=2024-04-15&size=500"));
        assertThat(((Number) april.get("total")).intValue()).isGreaterThan(50);
    }

    @Test
    void goals_form_the_hierarchy_with_activity_counts_by_status() {
        importFixture();
        api.postJson("/api/activities/KS2024-002/reports", Map.of("tertial", "2024-T1", "status", "AVSLUTAD_ENLIGT_PLAN"));
        List<Map> kfGoals = api.retrieve("/api/goals?year=2024", Argument.listOf(Map.class));
        List<Map> ksGoals = kfGoals.stream().flatMap(kf -> ((List<Map>) kf.get("goals")).stream()).toList();
        assertThat(ksGoals).hasSize(20);
        assertThat(ksGoals.stream().mapToInt(g -> (Integer) g.get("activities")).sum()).isEqualTo(79);
        Map goal311 = ksGoals.stream().filter(g -> g.get("ref").equals("3.1.1")).findFirst().orElseThrow();
        assertThat((Map) goal311.get("byStatus")).containsEntry("AVSLUTAD_ENLIGT_PLAN", 1);
        assertThat(goal311.get("goalArea")).isEqualTo("Vuxna");

        HttpResponse<Map> measure = api.postJson("/api/goals/2024/3.1.1/measures", Map.of("name", "Sjukfrånvaro (%)",
                "unit", "%", "outcome", 12.49, "asOf", "2023-09-30"));
        assertThat(measure.code()).isEqualTo(201);
        assertThat(api.postJson("/api/goals/2024/9.9.9/measures", Map.of("name", "x")).code()).isEqualTo(404);
        Map withMeasure = api.retrieve("/api/goals?year=2024", Argument.listOf(Map.class)).stream()
                .flatMap(kf -> ((List<Map>) kf.get("goals")).stream()).filter(g -> g.get("ref").equals("3.1.1"))
                .findFirst().orElseThrow();
        assertThat((List<Map>) withMeasure.get("measures")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("name", "Sjukfrånvaro (%)")
                        .containsEntry("baselineAsOf", "2023-09-30").containsEntry("direction", "INCREASE"));
    }

    @Test
    void patch_changes_a_field_and_audits_before_and_after() {
        importFixture();
        HttpResponse<Map> patched = api.exchange(HttpRequest.PATCH("/api/activities/KS2024-002",
                Map.of("endDate", "2024-12-31")));
        assertThat(patched.code()).isEqualTo(200);
        assertThat(((Map) body(patched).get("activity")).get("endDate")).isEqualTo("2024-12-31");
        List<Map> audit = api.retrieve("/api/audit?activity=KS2024-002", Argument.listOf(Map.class));
        Map updated = audit.get(audit.size() - 1);
        assertThat(updated.get("action")).isEqualTo("activity.updated");
        assertThat((String) updated.get("beforeValue")).contains("2024-10-31");
        assertThat((String) updated.get("afterValue")).contains("2024-12-31");
    }

    @Test
    void put_requires_the_whole_activity_and_validates_dates_and_goal() {
        importFixture();
        HttpResponse<Map> partial = api.exchange(HttpRequest.PUT("/api/activities/KS2024-002", Map.of("title", "Ny")));
        assertThat(partial.code()).isEqualTo(422);
        assertThat((List<Map>) body(partial).get("errors")).extracting(e -> e.get("field"))
                .contains("startDate", "endDate", "goal", "department", "owners");

        HttpResponse<Map> backwards = api.exchange(HttpRequest.PATCH("/api/activities/KS2024-002",
                Map.of("startDate", "2024-12-01", "endDate", "2024-01-01")));
        assertThat(backwards.code()).isEqualTo(422);
        HttpResponse<Map> noGoal = api.exchange(HttpRequest.PATCH("/api/activities/KS2024-002", Map.of("goal", "9.9.9")));
        assertThat(noGoal.code()).isEqualTo(422);

        HttpResponse<Map> whole = api.exchange(HttpRequest.PUT("/api/activities/KS2024-002", Map.of(
                "title", "Två föreläsningar om kost", "startDate", "2024-02-01", "endDate", "2024-11-30",
                "goal", "3.1.1", "source", "KS", "department", "Staben", "unit", "HR och Kommunikation",
                "owners", List.of("emma.berglund@ange.example", "sara.lindqvist@ange.example"))));
        assertThat(whole.code()).isEqualTo(200);
        Map activity = (Map) body(whole).get("activity");
        assertThat((List<Map>) activity.get("owners")).hasSize(2);
        assertThat(body(whole).get("description")).isNull();
    }

    @Test
    void people_import_is_idempotent_and_reports_errors_by_line() {
        Map first = body(admin.postCsv("/api/import/people", Fixtures.people()));
        assertThat(first).containsEntry("created", 16);
        assertThat(body(admin.postCsv("/api/import/people", Fixtures.people()))).containsEntry("unchanged", 16);
        HttpResponse<Map> bad = admin.postCsv("/api/import/people",
                "name,email,role,department,unit,slack_user_id\nAnna,inte-en-adress,chef,Staben,,\nBo,bo@x.se,kung,Staben,,\n");
        assertThat(bad.code()).isEqualTo(422);
        assertThat((List<Map>) body(bad).get("errors")).extracting(e -> e.get("line") + ":" + e.get("column"))
                .containsExactly("2:email", "3:role");
    }

    @Test
    void health_and_the_openapi_document_are_served_without_credentials() {
        Api anonymous = api.as(null);
        assertThat(anonymous.get("/health").code()).isEqualTo(200);
        String openApi = client.toBlocking().retrieve("/swagger/tertial-0.1.yml");
        assertThat(openApi).contains("/api/activities/{ref}/reports").contains("/api/import/activities");
    }
}
