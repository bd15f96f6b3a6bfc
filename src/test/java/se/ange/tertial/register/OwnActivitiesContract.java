package se.ange.tertial.register;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.report.ActivityState;
import se.ange.tertial.report.TertialRecords;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/**
 * Departments' own activities (issue 14) on H2 and PostgreSQL: the fixture {@code stab-own-activities-2024.csv}
 * imported as is beside the 2024 plan, {@code POST /api/activities}, who may add what, that neither import
 * touches the other's activities, that own activities are followed up like plan ones, and that a report
 * before an activity's planned start is accepted and shows in that tertial. The clock stands at 2024-04-20.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class OwnActivitiesContract {

    static final String CLOCK_START = "2024-04-20T08:00:00Z";
    static final String JOHAN = "johan.nordin@ange.example";      // manager, Staben
    static final String MARIA = "maria.sjoberg@ange.example";     // manager, Socialavdelningen
    static final String EMMA = "emma.berglund@ange.example";      // owner, Staben (HR och Kommunikation)

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    GoalRepository goals;

    @Inject
    TertialRecords records;

    Api admin;
    Api stab;
    String own;

    @BeforeEach
    void planAndPeople() {
        clock.set(Instant.parse(CLOCK_START));
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        stab = admin.withNewToken("stab-own-" + java.util.UUID.randomUUID(), "STAB", "sara.lindqvist@ange.example");
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
        own = Fixtures.resource("fixtures/stab-own-activities-2024.csv");
    }

    @Test
    void the_fixture_imports_as_is_as_the_departments_own_and_leaves_the_plan_alone() {
        long goalsBefore = goals.count();
        Map<String, Map> planBefore = activities(stab);

        HttpResponse<Map> imported = stab.postCsv("/api/import/own-activities", own);
        assertThat(imported.code()).as("%s", imported.getBody(Map.class)).isEqualTo(200);
        assertThat(body(imported)).containsEntry("created", 11).containsEntry("updated", 0);

        Map<String, Map> after = activities(stab);
        assertThat(after).hasSize(planBefore.size() + 11);
        planBefore.forEach((ref, activity) -> assertThat(after.get(ref)).isEqualTo(activity));
        assertThat(goals.count()).as("an own import creates no goal").isEqualTo(goalsBefore);
        Map temadagar = after.get("ST2024-101");
        assertThat(temadagar).containsEntry("source", "UNIT").containsEntry("sourceLabel", "Avdelningens egen")
                .containsEntry("goal", "4.1").containsEntry("department", "Staben")
                .containsEntry("unit", "Verksamhetsutveckling").containsEntry("startDate", "2024-04-22");
        assertThat(after.get("KS2024-002")).containsEntry("source", "KS")
                .containsEntry("sourceLabel", "Kommunstyrelsens plan");
        assertThat(after.values().stream().filter(a -> a.get("source").equals("UNIT")).map(a -> a.get("ref")))
                .hasSize(11).allSatisfy(ref -> assertThat((String) ref).startsWith("ST2024-1"));

        // audited like the plan import: one row per created activity, through the import channel
        List<Map> audit = admin.retrieve("/api/audit?activity=ST2024-103", Argument.listOf(Map.class));
        assertThat(audit).singleElement().satisfies(row -> {
            assertThat(row.get("action")).isEqualTo("activity.created");
            assertThat(row.get("channel")).isEqualTo("IMPORT");
            assertThat((String) row.get("afterValue")).contains("Det svåra samtalet").contains("UNIT");
        });

        // the same file again changes nothing; the plan again neither changes nor ends the own ones
        assertThat(body(stab.postCsv("/api/import/own-activities", own))).containsEntry("unchanged", 11);
        Map plan = body(stab.postCsv("/api/import/activities", Fixtures.plan2024()));
        assertThat(plan).containsEntry("created", 0).containsEntry("updated", 0);
        assertThat(activities(stab)).isEqualTo(after);
    }

    @Test
    void the_origin_is_a_column_of_the_csv_export() throws IOException {
        assertThat(stab.postCsv("/api/import/own-activities", own).code()).isEqualTo(200);
        List<CSVRecord> rows = csv(stab, "/api/activities/overdue?on=2024-12-31&format=csv&size=500");
        assertThat(rows).filteredOn(r -> r.get("Referens").equals("ST2024-109")).singleElement()
                .satisfies(r -> assertThat(r.get("Ursprung")).isEqualTo("Avdelningens egen"));
        assertThat(rows).filteredOn(r -> r.get("Referens").startsWith("KS2024-")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("Ursprung")).isEqualTo("Kommunstyrelsens plan"));
    }

    @Test
    void a_manager_imports_for_their_own_department_only_and_a_refusal_names_the_line() {
        Api maria = admin.withNewToken("maria", "MANAGER", MARIA);
        HttpResponse<Map> refused = maria.postCsv("/api/import/own-activities", own);
        assertThat(refused.code()).isEqualTo(422);
        List<Map> errors = (List<Map>) body(refused).get("errors");
        assertThat(errors).hasSize(11).allSatisfy(e -> assertThat(e.get("column")).isEqualTo("department"));
        assertThat(errors.get(0)).containsEntry("line", 2);
        assertThat((String) errors.get(0).get("message")).contains("din egen avdelning").contains("Staben");
        assertThat(stab.get("/api/activities/ST2024-101").code()).isEqualTo(404);

        Api owner = admin.withNewToken("emma", "OWNER", EMMA);
        assertThat(owner.postCsv("/api/import/own-activities", own).code()).isEqualTo(403);

        Api johan = admin.withNewToken("johan", "MANAGER", JOHAN);
        assertThat(body(johan.postCsv("/api/import/own-activities", own))).containsEntry("created", 11);
        assertThat(body(johan.get("/api/activities/ST2024-110"))).extracting(d -> ((Map) d.get("activity")).get("source"))
                .isEqualTo("UNIT");

        // a manager's row cannot take over another department's activity by its ref
        String header = own.lines().findFirst().orElseThrow();
        String social = own.lines().filter(l -> l.startsWith("ST2024-108,")).findFirst().orElseThrow()
                .replace(",Staben,Fritid Kultur Turism,ahmed.karimi@ange.example", ",Socialavdelningen,,maria.sjoberg@ange.example");
        HttpResponse<Map> takeover = maria.postCsv("/api/import/own-activities", header + "\n" + social + "\n");
        assertThat(takeover.code()).isEqualTo(422);
        assertThat((List<Map>) body(takeover).get("errors")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("line", 2).containsEntry("column", "ref"));
        assertThat(body(stab.get("/api/activities/ST2024-108"))).extracting(d -> ((Map) d.get("activity")).get("department"))
                .isEqualTo("Staben");
        String renamed = social.replace("ST2024-108,", "SO2024-108,");
        assertThat(body(maria.postCsv("/api/import/own-activities", header + "\n" + renamed + "\n")))
                .containsEntry("created", 1);
    }

    @Test
    void a_goal_the_plan_does_not_have_refuses_the_line_and_nothing_is_saved() {
        String lines = own.replace("3.3,\"Ånge ska vara en av Sveriges barn och ungdomsvänligaste kommuner, med "
                + "grundskoleresultat som ligger på hög nivå i riket.\",3.3.1,", "3.3,\"Ånge ska vara en av Sveriges "
                + "barn och ungdomsvänligaste kommuner, med grundskoleresultat som ligger på hög nivå i riket.\",3.3.9,");
        assertThat(lines).isNotEqualTo(own);
        HttpResponse<Map> refused = stab.postCsv("/api/import/own-activities", lines);
        assertThat(refused.code()).isEqualTo(422);
        List<Map> errors = (List<Map>) body(refused).get("errors");
        assertThat(errors).extracting(e -> e.get("line")).containsExactly(9, 10);
        assertThat(errors).allSatisfy(e -> assertThat(e).containsEntry("column", "ks_goal_ref")
                .containsEntry("message", "KS-mål 3.3.9 (2024) finns inte; importera kommunstyrelsens plan först"));
        assertThat(stab.get("/api/activities/ST2024-101").code()).as("all or nothing").isEqualTo(404);
    }

    @Test
    void neither_import_takes_over_the_others_activities() {
        String header = own.lines().findFirst().orElseThrow();
        String planRow = Fixtures.plan2024().lines().filter(l -> l.startsWith("KS2024-002,")).findFirst().orElseThrow();
        HttpResponse<Map> ownOverPlan = stab.postCsv("/api/import/own-activities", header + "\n" + planRow + "\n");
        assertThat(ownOverPlan.code()).isEqualTo(422);
        assertThat((List<Map>) body(ownOverPlan).get("errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("line", 2).containsEntry("column", "ref"));
        assertThat(body(stab.get("/api/activities/KS2024-002"))).extracting(d -> ((Map) d.get("activity")).get("source"))
                .isEqualTo("KS");

        assertThat(stab.postCsv("/api/import/own-activities", own).code()).isEqualTo(200);
        String ownRow = own.lines().filter(l -> l.startsWith("ST2024-104,")).findFirst().orElseThrow();
        HttpResponse<Map> planOverOwn = stab.postCsv("/api/import/activities", header + "\n" + ownRow + "\n");
        assertThat(planOverOwn.code()).isEqualTo(422);
        assertThat((String) ((List<Map>) body(planOverOwn).get("errors")).get(0).get("message"))
                .contains("ST2024-104").contains("avdelningens egen");
        assertThat(body(stab.get("/api/activities/ST2024-104"))).extracting(d -> ((Map) d.get("activity")).get("source"))
                .isEqualTo("UNIT");
    }

    @Test
    void post_activities_creates_one_toward_a_plan_goal_and_answers_409_403_and_422() {
        Map<String, Object> request = new HashMap<>(Map.of("ref", "ST2024-201", "title", "Genomföra temadagar om stress",
                "description", "Två temadagar för chefer.", "startDate", "2024-05-06", "endDate", "2024-06-14",
                "goalYear", 2024, "goal", "3.1.1", "department", "Staben", "unit", "HR och Kommunikation",
                "owners", List.of(EMMA)));
        HttpResponse<Map> created = stab.postJson("/api/activities", request);
        assertThat(created.code()).as("%s", created.getBody(Map.class)).isEqualTo(201);
        Map activity = (Map) body(created).get("activity");
        assertThat(activity).containsEntry("ref", "ST2024-201").containsEntry("source", "UNIT")
                .containsEntry("goal", "3.1.1").containsEntry("unit", "HR och Kommunikation");
        assertThat(body(stab.get("/api/activities/ST2024-201")).get("description")).isEqualTo("Två temadagar för chefer.");
        assertThat(admin.retrieve("/api/audit?activity=ST2024-201", Argument.listOf(Map.class)))
                .extracting(row -> row.get("action")).containsExactly("activity.created");

        assertThat(stab.postJson("/api/activities", request).code()).as("duplicate ref").isEqualTo(409);
        assertThat(stab.postJson("/api/activities", with(request, "ref", "ks2024-002")).code())
                .as("a plan activity's ref, in any case").isEqualTo(409);

        HttpResponse<Map> noTitle = stab.postJson("/api/activities", without(with(request, "ref", "ST2024-202"), "title"));
        assertThat(noTitle.code()).isEqualTo(422);
        assertThat(fields(noTitle)).containsExactly("title");
        HttpResponse<Map> noGoal = stab.postJson("/api/activities", with(request, "ref", "ST2024-203", "goal", "3.1.9"));
        assertThat(noGoal.code()).isEqualTo(422);
        assertThat(fields(noGoal)).containsExactly("goal");
        assertThat(body(noGoal).get("detail")).isEqualTo("KS-mål 3.1.9 (2024) finns inte; importera kommunstyrelsens plan först");
        HttpResponse<Map> stranger = stab.postJson("/api/activities", with(request, "ref", "ST2024-204",
                "owners", List.of("ingen.alls@ange.example")));
        assertThat(stranger.code()).isEqualTo(422);
        assertThat(fields(stranger)).containsExactly("owners");
        assertThat(stab.get("/api/activities/ST2024-204").code()).isEqualTo(404);

        // stab may add to the board's plan; a manager only their department's own
        assertThat(body(stab.postJson("/api/activities", with(request, "ref", "KS2024-900", "source", "KS"))))
                .extracting(d -> ((Map) d.get("activity")).get("source")).isEqualTo("KS");
        Api johan = admin.withNewToken("johan", "MANAGER", JOHAN);
        assertThat(johan.postJson("/api/activities", with(request, "ref", "ST2024-205")).code()).isEqualTo(201);
        assertThat(johan.postJson("/api/activities", with(request, "ref", "ST2024-206", "source", "KS")).code())
                .isEqualTo(403);
        assertThat(johan.postJson("/api/activities", with(request, "ref", "SO2024-207", "department",
                "Socialavdelningen", "unit", "")).code()).isEqualTo(403);
        assertThat(admin.withNewToken("emma", "OWNER", EMMA).postJson("/api/activities",
                with(request, "ref", "ST2024-208")).code()).isEqualTo(403);
        assertThat(stab.get("/api/activities/SO2024-207").code()).isEqualTo(404);

        // a unit's manager adds only their own unit's activities
        assertThat(admin.postCsv("/api/import/people", "name,email,role,department,unit\n"
                + "Ulla Enhetschef,ulla.enhet@ange.example,manager,Staben,HR och Kommunikation\n").code()).isEqualTo(200);
        Api ulla = admin.withNewToken("ulla", "MANAGER", "ulla.enhet@ange.example");
        assertThat(ulla.postJson("/api/activities", with(request, "ref", "ST2024-209")).code()).isEqualTo(201);
        HttpResponse<Map> otherUnit = ulla.postJson("/api/activities", with(request, "ref", "ST2024-210",
                "unit", "Fritid Kultur Turism"));
        assertThat(otherUnit.code()).isEqualTo(403);
        assertThat(body(otherUnit).get("detail")).isEqualTo("Som enhetschef lägger du bara till aktiviteter för din egen enhet");
        assertThat(ulla.postJson("/api/activities", with(request, "ref", "ST2024-211", "unit", "")).code())
                .as("the department as a whole").isEqualTo(403);
        assertThat(stab.get("/api/activities/ST2024-210").code()).isEqualTo(404);
        HttpResponse<Map> unitImport = ulla.postCsv("/api/import/own-activities", own);
        assertThat(unitImport.code()).isEqualTo(422);
        assertThat((List<Map>) body(unitImport).get("errors")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("column")).isEqualTo("unit"));
        assertThat(stab.get("/api/activities/ST2024-101").code()).as("all or nothing").isEqualTo(404);
    }

    @Test
    void a_manager_edits_their_departments_own_activity_by_api_as_on_the_plan_page_and_it_stays_theirs() {
        Map<String, Object> request = new HashMap<>(Map.of("ref", "ST2024-301", "title", "Införa digitala APT",
                "startDate", "2024-02-01", "endDate", "2024-06-14", "goalYear", 2024, "goal", "3.1.1",
                "department", "Staben", "owners", List.of(EMMA)));
        assertThat(stab.postJson("/api/activities", request).code()).isEqualTo(201);
        Api johan = admin.withNewToken("johan", "MANAGER", JOHAN);

        HttpResponse<Map> retitled = johan.exchange(HttpRequest.PATCH("/api/activities/ST2024-301",
                Map.of("title", "Införa digitala arbetsplatsträffar", "goal", "3.1.2")));
        assertThat(retitled.code()).as("%s", retitled.getBody(Map.class)).isEqualTo(200);
        assertThat((Map) body(retitled).get("activity")).containsEntry("title", "Införa digitala arbetsplatsträffar")
                .containsEntry("goal", "3.1.2");

        HttpResponse<Map> away = johan.exchange(HttpRequest.PATCH("/api/activities/ST2024-301",
                Map.of("department", "Socialavdelningen")));
        assertThat(away.code()).as("out of their department").isEqualTo(403);
        assertThat(johan.exchange(HttpRequest.PATCH("/api/activities/ST2024-301", Map.of("source", "KS"))).code())
                .as("into the board's plan").isEqualTo(403);
        assertThat(johan.exchange(HttpRequest.PATCH("/api/activities/KS2024-002", Map.of("title", "Nytt"))).code())
                .as("a plan activity of their department stays stab's").isEqualTo(403);
        assertThat((Map) body(stab.get("/api/activities/ST2024-301")).get("activity"))
                .containsEntry("department", "Staben").containsEntry("source", "UNIT");
        assertThat(admin.withNewToken("maria", "MANAGER", MARIA).exchange(HttpRequest.PATCH(
                "/api/activities/ST2024-301", Map.of("title", "Annat"))).code()).as("another department's manager")
                .isEqualTo(404);
    }

    @Test
    void bad_values_in_a_new_activity_are_422s_naming_the_field_and_nothing_is_saved() {
        Map<String, Object> request = new HashMap<>(Map.of("ref", "ST2024-301", "title", "Ny aktivitet",
                "startDate", "2024-05-06", "endDate", "2024-06-14", "goalYear", 2024, "goal", "3.1.1",
                "department", "Staben", "owners", List.of(EMMA)));
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("ref", with(request, "ref", "ST 2024/301"));
        cases.put("endDate", with(request, "endDate", "2024-01-01"));
        cases.put("startDate", with(request, "startDate", "1800-01-01"));
        cases.put("goalYear", with(request, "goalYear", 99999));
        cases.put("source", with(request, "source", "KOMMUNEN"));
        cases.put("department", with(request, "department", "Avdelningen som inte finns"));
        cases.put("title", with(request, "title", "x".repeat(1001)));
        cases.put("owners", with(request, "owners", List.of("inte-en-adress")));
        cases.forEach((field, body) -> {
            HttpResponse<Map> refused = stab.postJson("/api/activities", body);
            assertThat(refused.code()).as(field).isEqualTo(422);
            assertThat(fields(refused)).as(field).singleElement().asString().startsWith(field);
        });
        assertThat(stab.get("/api/activities/ST2024-301").code()).isEqualTo(404);
        assertThat(stab.postJson("/api/activities", Map.of()).code()).isEqualTo(422);
    }

    @Test
    void own_activities_are_followed_up_like_plan_activities_reminders_and_deviations() {
        assertThat(stab.postCsv("/api/import/own-activities", own).code()).isEqualTo(200);

        // on the last working day of T1, the owner is reminded of their own activities beside the plan's
        List<Map> reminders = (List<Map>) body(stab.get("/api/reminders/preview?on=2024-04-30")).get("items");
        Map lena = reminders.stream().filter(i -> i.get("recipient").equals("lena.oberg@ange.example"))
                .findFirst().orElseThrow();
        assertThat((List<String>) lena.get("activities")).contains("ST2024-106", "ST2024-107", "KS2024-033");

        // a deviation reported on an own activity shows in the deviations query
        assertThat(stab.postJson("/api/activities/ST2024-105/reports", Map.of("tertial", "2024-T1",
                "status", "Pågående med avvikelse", "comment", "Kärnverksamheterna har inte haft tid")).code())
                .isEqualTo(201);
        List<Map> deviations = (List<Map>) body(stab.get("/api/tertials/2024-T1/deviations?department=Staben&size=500"))
                .get("items");
        Map reported = deviations.stream().filter(i -> ((Map) i.get("activity")).get("ref").equals("ST2024-105"))
                .findFirst().orElseThrow();
        assertThat(((Map) reported.get("activity"))).containsEntry("source", "UNIT")
                .containsEntry("status", "PAGAENDE_MED_AVVIKELSE");
    }

    @Test
    void a_report_before_the_planned_start_is_accepted_and_shows_in_that_tertial_with_its_planned_start() {
        HttpResponse<Map> early = stab.postJson("/api/activities/KS2024-045/reports", Map.of("tertial", "2024-T1",
                "status", "Pågående enligt plan", "comment", "Första utbildningen för cheferna hölls i april"));
        assertThat(early.code()).as("%s", early.getBody(Map.class)).isEqualTo(201);

        ActivityState state = records.state(Tertial.parse("2024-T1")).activities().stream()
                .filter(a -> a.ref().equals("KS2024-045")).findFirst().orElseThrow();
        assertThat(state.status()).isEqualTo(Status.PAGAENDE_ENLIGT_PLAN);
        assertThat(state.comment()).isEqualTo("Första utbildningen för cheferna hölls i april");
        assertThat(state.startDate()).hasToString("2024-09-01");
        assertThat(records.state(Tertial.parse("2024-T2")).activities()).extracting(ActivityState::ref)
                .as("planned from September, not reported for T2").doesNotContain("KS2024-045");

        String html = new String(download(stab, "/api/reports/2024-T1?format=html&department=Staben"),
                StandardCharsets.UTF_8);
        assertThat(html).contains("KS2024-045").contains("Första utbildningen för cheferna hölls i april");

        // who is asked is unchanged: not for T2 either, before its planned start, while others are
        List<String> askedInT2 = ((List<Map>) body(stab.get("/api/reminders/preview?on=2024-08-30")).get("items"))
                .stream().flatMap(i -> ((List<String>) i.get("activities")).stream()).toList();
        assertThat(askedInT2).contains("KS2024-002").doesNotContain("KS2024-045");
    }

    private Map<String, Map> activities(Api api) {
        List<Map> items = (List<Map>) body(api.get("/api/activities?size=500")).get("items");
        return items.stream().collect(Collectors.toMap(a -> (String) a.get("ref"), Function.identity()));
    }

    private static Map<String, Object> with(Map<String, Object> request, Object... changes) {
        Map<String, Object> changed = new HashMap<>(request);
        for (int i = 0; i < changes.length; i += 2) {
            changed.put((String) changes[i], changes[i + 1]);
        }
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> request, String field) {
        Map<String, Object> changed = new HashMap<>(request);
        changed.remove(field);
        return changed;
    }

    private static List<Object> fields(HttpResponse<Map> response) {
        return ((List<Map>) body(response).get("errors")).stream().map(e -> e.get("field")).toList();
    }

    private byte[] download(Api api, String uri) {
        MutableHttpRequest<?> request = HttpRequest.GET(uri).bearerAuth(api.token());
        try {
            HttpResponse<byte[]> response = client.toBlocking().exchange(request, byte[].class);
            assertThat(response.code()).as(uri).isEqualTo(200);
            return response.body();
        } catch (HttpClientResponseException e) {
            throw new AssertionError(uri + ": " + e.getStatus() + " " + e.getResponse().getBody(String.class), e);
        }
    }

    private List<CSVRecord> csv(Api api, String uri) throws IOException {
        MutableHttpRequest<?> request = HttpRequest.GET(uri).bearerAuth(api.token()).header(HttpHeaders.ACCEPT, "text/csv");
        String text = new String(client.toBlocking().exchange(request, byte[].class).body(), StandardCharsets.UTF_8);
        return CSVFormat.EXCEL.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.replace("\uFEFF", ""))).getRecords();
    }
}
