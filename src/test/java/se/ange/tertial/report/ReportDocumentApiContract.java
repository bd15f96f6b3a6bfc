package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.org.Organisation;
import se.ange.tertial.report.ReportParts.ActivityRow;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/**
 * The two report kinds end to end, on H2 and PostgreSQL: the 2024 plan and Staben's own activities, T1
 * statuses for every Staben activity, then the uppsiktsrapport and måluppföljning with their texts and the
 * department's goal order. The clock starts 2024-04-20 (in T1).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class ReportDocumentApiContract {

    static final String CLOCK_START = "2024-04-20T08:00:00Z";
    static final Tertial T1 = new Tertial(2024, 1);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    TertialReports reports;

    @Inject
    Organisation organisation;

    Api admin;
    Api stab;
    Api staffManager;
    Api socialManager;
    Api owner;

    /** Every Staben activity of T1: ref → its facts from the activity API. */
    final Map<String, Map> staben = new LinkedHashMap<>();

    @BeforeEach
    void planOwnActivitiesAndReports() {
        clock.set(Instant.parse(CLOCK_START));
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        stab = admin.withNewToken("stab-docs-" + UUID.randomUUID(), "STAB", "sara.lindqvist@ange.example");
        staffManager = admin.withNewToken("johan-" + UUID.randomUUID(), "MANAGER", "johan.nordin@ange.example");
        socialManager = admin.withNewToken("maria-" + UUID.randomUUID(), "MANAGER", "maria.sjoberg@ange.example");
        owner = admin.withNewToken("emma-" + UUID.randomUUID(), "OWNER", "emma.berglund@ange.example");
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
        // Staben's own activities (seed 001), imported as the department's own
        HttpResponse<Map> own = stab.postCsv("/api/import/own-activities",
                Fixtures.resource("fixtures/stab-own-activities-2024.csv"));
        assertThat(own.code()).as("%s", own.getBody(Map.class)).isEqualTo(200);
        List<Map> items = (List<Map>) body(stab.get("/api/activities?department=Staben&tertial=2024-T1&size=500"))
                .get("items");
        items.forEach(item -> staben.put((String) item.get("ref"), item));
        assertThat(staben.keySet()).anySatisfy(ref -> assertThat(ref).startsWith("ST2024-"));
        Status[] cycle = {Status.PAGAENDE_ENLIGT_PLAN, Status.PAGAENDE_MED_AVVIKELSE, Status.AVSLUTAD_ENLIGT_PLAN};
        int i = 0;
        for (String ref : staben.keySet()) {
            HttpResponse<Map> reported = stab.postJson("/api/activities/" + ref + "/reports", Map.of("tertial",
                    "2024-T1", "status", cycle[i++ % cycle.length].swedish(), "comment", "Läget för " + ref));
            assertThat(reported.code()).as("report %s: %s", ref, reported.getBody(Map.class)).isEqualTo(201);
        }
    }

    HttpResponse<byte[]> download(Api api, String uri) {
        MutableHttpRequest<?> request = HttpRequest.GET(uri).bearerAuth(api.token());
        try {
            return client.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<byte[]>) e.getResponse();
        }
    }

    HttpResponse<Map> put(Api api, String uri, Object body) {
        return api.exchange(HttpRequest.PUT(uri, body));
    }

    static void assertProblem(HttpResponse<Map> answer, int status, String field) {
        assertThat(answer.code()).as("%s", answer.getBody(Map.class)).isEqualTo(status);
        assertThat(answer.getContentType().map(Object::toString))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        if (field != null) {
            assertThat((List<Map>) body(answer).get("errors")).anySatisfy(e -> assertThat(e).containsEntry("field", field));
        }
    }

    ReportScope stabenScope() {
        return organisation.findDepartment("Staben").map(d -> new ReportScope(d.id(), null, d.name())).orElseThrow();
    }

    @Test
    void the_staben_uppsiktsrapport_lists_every_t1_activity_under_its_goals_in_the_departments_order_without_assessments() {
        HttpResponse<Map> ordered = put(stab, "/api/reports/goal-order?department=Staben&year=2024",
                Map.of("goals", List.of("4.1")));
        assertThat(ordered.code()).as("%s", ordered.getBody(Map.class)).isEqualTo(200);

        DepartmentReport report = reports.uppsikt(T1, stabenScope());

        assertThat(report.goals().get(0).title()).isEqualTo("Sjukfrånvaron ska minska");
        assertThat(report.goals().get(0).number()).isEqualTo("1.1");
        List<ActivityRow> rows = report.goals().stream().flatMap(g -> g.activities().stream()).toList();
        assertThat(rows).extracting(ActivityRow::ref).containsExactlyInAnyOrderElementsOf(staben.keySet());
        assertThat(report.activityCount()).isEqualTo(staben.size());
        report.goals().forEach(goal -> goal.activities().forEach(row ->
                assertThat(goal.anchor()).as(row.ref()).isEqualTo("ks-2024-" + staben.get(row.ref()).get("goal"))));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.department()).isEqualTo("Staben");
            assertThat(row.description()).as(row.ref()).isNotBlank();
            assertThat(row.status()).as(row.ref()).isNotNull();
            assertThat(row.comment()).isEqualTo("Läget för " + row.ref());
        });
        ActivityRow temadagar = rows.stream().filter(r -> r.title().equals("Genomföra temadagar")).findFirst().orElseThrow();
        assertThat(temadagar.unit()).isEqualTo("Verksamhetsutveckling");
        assertThat(temadagar.description()).startsWith("Workshops med alla chefer");
        assertThat(report.closing()).extracting(ReportParts.Section::heading)
                .containsExactly("Rapportering och uppföljning", "Avgränsning");
        assertThat(report.closing().get(0).number()).isEqualTo("1." + (report.goals().size() + 1));
        assertThat(report.goalGroups().get(report.goalGroups().size() - 1).goals()).containsExactly("Sjukfrånvaron ska minska");
        assertThat(rows).filteredOn(ActivityRow::own).extracting(ActivityRow::ref).hasSize(11)
                .allSatisfy(ref -> assertThat(ref).startsWith("ST2024-"));
        assertThat(rows).filteredOn(row -> !row.own()).extracting(ActivityRow::ref)
                .allSatisfy(ref -> assertThat(ref).startsWith("KS2024-"));
        assertThat(report.toString()).doesNotContain("Ej bedömd").doesNotContain("Uppfylld").doesNotContain("Förslag");
    }

    @Test
    void the_report_endpoint_serves_both_kinds_with_their_file_names_and_names_the_wrong_parameter() {
        HttpResponse<byte[]> docx = download(stab, "/api/reports/2024-T1?kind=uppsikt&format=docx&department=Staben");
        assertThat(docx.code()).isEqualTo(200);
        assertThat(docx.getContentType().map(Object::toString))
                .hasValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.header("Content-Disposition")).contains("attachment")
                .contains("filename=\"uppsiktsrapport-2024-T1-staben.docx\"");
        HttpResponse<byte[]> pdf = download(stab, "/api/reports/2024-T1?format=pdf");
        assertThat(pdf.code()).isEqualTo(200);
        assertThat(pdf.header("Content-Disposition")).contains("filename=\"maluppfoljning-2024-T1.pdf\"");
        HttpResponse<byte[]> html = download(stab, "/api/reports/2024-T1?department=Staben");
        assertThat(html.header("Content-Disposition")).contains("inline").contains("uppsiktsrapport-2024-T1-staben.html");
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains("Uppsiktsrapport till kommunstyrelsen");
        HttpResponse<byte[]> board = download(admin, "/api/reports/2024-T1?kind=" + java.net.URLEncoder.encode("Måluppföljning", StandardCharsets.UTF_8) + "&format=html");
        assertThat(board.code()).isEqualTo(200);
        assertThat(new String(board.body(), StandardCharsets.UTF_8))
                .contains("Uppföljning av kommunstyrelsens mål, tertial 1 2024");

        assertProblem(stab.get("/api/reports/2024-T1?kind=maluppfoljning&department=Staben"), 422, "department");
        assertProblem(stab.get("/api/reports/2024-T1?kind=kvartal"), 422, "kind");
        assertProblem(stab.get("/api/reports/2024-T1?kind=uppsikt"), 422, "department");
        assertProblem(stab.get("/api/reports/2024-T1?format=odt&department=Staben"), 422, "format");

        assertThat(download(staffManager, "/api/reports/2024-T1?department=Staben&format=pdf").code()).isEqualTo(200);
        assertThat(download(staffManager, "/api/reports/2024-T1?kind=maluppfoljning").code()).isEqualTo(403);
        assertThat(download(staffManager, "/api/reports/2024-T1").code()).isEqualTo(403);
        assertThat(download(socialManager, "/api/reports/2024-T1?department=Staben").code()).isEqualTo(403);
        assertThat(download(owner, "/api/reports/2024-T1?department=Staben").code()).isEqualTo(403);
    }

    @Test
    void texts_have_defaults_stab_and_the_own_manager_edit_them_and_the_report_shows_the_edit() {
        String uri = "/api/reports/2024-T1/texts?kind=uppsikt&department=Staben";
        Map defaults = body(stab.get(uri));
        assertThat(defaults.keySet()).containsExactly("intro", "reporting", "delimitation");
        assertThat((String) defaults.get("intro")).contains("> När kommunstyrelsens verksamhetsplan är antagen")
                .contains("För 2024 har kommunfullmäktige bara antagit ett verksamhetsmål för god ekonomisk "
                        + "hushållning, vilket är Sjukfrånvaron ska minska.");
        assertThat((Map) body(stab.get("/api/reports/2024-T1/texts"))).containsOnlyKeys("intro", "analysis");

        HttpResponse<Map> edited = put(staffManager, uri, Map.of("delimitation", "Stabens egen avgränsning."));
        assertThat(edited.code()).as("%s", edited.getBody(Map.class)).isEqualTo(200);
        assertThat(body(edited)).containsEntry("delimitation", "Stabens egen avgränsning.")
                .containsEntry("reporting", defaults.get("reporting"));
        assertThat(reports.uppsikt(T1, stabenScope()).closing().get(1).paragraphs())
                .containsExactly(new ReportParts.Paragraph("Stabens egen avgränsning.", false));
        assertThat(put(stab, "/api/reports/2024-T1/texts", Map.of("analysis", "Stabens analys.")).code()).isEqualTo(200);
        assertThat(reports.maluppfoljning(T1).analysis().paragraphs())
                .containsExactly(new ReportParts.Paragraph("Stabens analys.", false));
        assertThat(stab.retrieve("/api/audit", Argument.listOf(Map.class))).anySatisfy(e -> assertThat(e)
                .containsEntry("action", "report.text.changed")
                .containsEntry("subject", "report:uppsikt:2024-T1:Staben:delimitation"));

        // an empty text goes back to the default
        assertThat(body(put(stab, uri, Map.of("delimitation", "")))).containsEntry("delimitation", defaults.get("delimitation"));

        assertProblem(put(stab, uri, Map.of("slutord", "x")), 422, "slutord");
        assertProblem(stab.get("/api/reports/2024-T1/texts?kind=maluppfoljning&department=Staben"), 422, "department");
        assertThat(put(socialManager, uri, Map.of("intro", "x")).code()).isEqualTo(403);
        assertThat(put(staffManager, "/api/reports/2024-T1/texts", Map.of("intro", "x")).code()).isEqualTo(403);
        assertThat(put(owner, uri, Map.of("intro", "x")).code()).isEqualTo(403);
        assertThat(socialManager.get(uri).code()).isEqualTo(403);
    }

    @Test
    void after_the_close_texts_are_frozen_a_change_is_409_and_a_changed_default_leaves_the_frozen_report_as_it_was() {
        String uri = "/api/reports/2024-T1/texts?kind=uppsikt&department=Staben";
        assertThat(put(stab, uri, Map.of("reporting", "Rapporteras till utskottet i juni.")).code()).isEqualTo(200);
        String introBefore = (String) body(stab.get(uri)).get("intro");

        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        assertThat(stab.postJson("/api/tertials/2024-T1/close", Map.of()).code()).isEqualTo(201);

        assertProblem(put(stab, uri, Map.of("reporting", "Ändrad efter låsningen")), 409, null);
        assertProblem(put(stab, "/api/reports/2024-T1/texts", Map.of("analysis", "Efter låsningen")), 409, null);

        // the default intro names the economy goal: renaming it changes the default, not the frozen text
        String renamed = Fixtures.plan2024().replace("Sjukfrånvaron ska minska", "Frisknärvaron ska öka");
        assertThat(stab.postCsv("/api/import/activities", renamed).code()).isEqualTo(200);
        assertThat((String) body(stab.get("/api/reports/2024-T2/texts?department=Staben")).get("intro"))
                .contains("vilket är Frisknärvaron ska öka.");

        Map frozen = body(stab.get(uri));
        assertThat(frozen).containsEntry("reporting", "Rapporteras till utskottet i juni.")
                .containsEntry("intro", introBefore);
        DepartmentReport report = reports.uppsikt(T1, stabenScope());
        assertThat(report.frozen()).startsWith("Låst 2024-05-02");
        // the record keeps what the report prints of each activity: its description and origin
        List<ActivityRow> rows = report.goals().stream().flatMap(g -> g.activities().stream()).toList();
        assertThat(rows).extracting(ActivityRow::ref).containsExactlyInAnyOrderElementsOf(staben.keySet());
        assertThat(rows).allSatisfy(row -> assertThat(row.description()).as(row.ref()).isNotBlank());
        assertThat(rows).filteredOn(ActivityRow::own).extracting(ActivityRow::ref)
                .allSatisfy(ref -> assertThat(ref).startsWith("ST2024-"));
        assertThat(report.closing().get(0).paragraphs()).extracting(ReportParts.Paragraph::text)
                .containsExactly("Rapporteras till utskottet i juni.");
        assertThat(report.intro().paragraphs()).extracting(ReportParts.Paragraph::text)
                .anySatisfy(t -> assertThat(t).contains("vilket är Sjukfrånvaron ska minska."))
                .noneSatisfy(t -> assertThat(t).contains("Frisknärvaron"));
        // the board's texts were frozen too
        assertThat((String) body(stab.get("/api/reports/2024-T1/texts")).get("analysis")).startsWith("Under tertial 1 2024");
    }

    @Test
    void the_goal_order_lists_the_chosen_goals_first_refuses_unknown_ones_by_name_and_is_the_departments_own() {
        String uri = "/api/reports/goal-order?department=Staben&year=2024";
        Map planOrder = body(stab.get(uri));
        assertThat((List<String>) planOrder.get("goals")).isEmpty();
        assertThat((List<String>) planOrder.get("order")).startsWith("3.1.1", "3.1.2").endsWith("4.1");

        HttpResponse<Map> set = put(staffManager, uri, Map.of("goals", List.of("4.1", "3.3.5")));
        assertThat(set.code()).as("%s", set.getBody(Map.class)).isEqualTo(200);
        assertThat(body(set)).containsEntry("goals", List.of("4.1", "3.3.5"));
        assertThat((List<String>) body(set).get("order")).startsWith("4.1", "3.3.5", "3.1.1");
        assertThat(body(stab.get(uri))).containsEntry("goals", List.of("4.1", "3.3.5"));
        List<String> reportOrder = reports.uppsikt(T1, stabenScope()).goals().stream()
                .map(g -> g.anchor().substring("ks-2024-".length())).toList();
        assertThat(reportOrder).startsWith("4.1", "3.3.5");
        assertThat(stab.retrieve("/api/audit", Argument.listOf(Map.class))).anySatisfy(e -> assertThat(e)
                .containsEntry("action", "report.goal-order.changed").containsEntry("subject", "goal-order:Staben:2024"));

        HttpResponse<Map> unknown = put(stab, uri, Map.of("goals", List.of("4.1", "9.9")));
        assertProblem(unknown, 422, "goals[1]");
        assertThat((List<Map>) body(unknown).get("errors")).singleElement()
                .satisfies(e -> assertThat((String) e.get("message")).contains("9.9"));
        assertThat(body(stab.get(uri))).containsEntry("goals", List.of("4.1", "3.3.5"));
        assertProblem(put(stab, uri, Map.of("goals", List.of("4.1", "4.1"))), 422, "goals[1]");
        assertProblem(stab.get("/api/reports/goal-order?department=Staben"), 422, "year");

        assertThat(put(socialManager, uri, Map.of("goals", List.of("4.1"))).code()).isEqualTo(403);
        assertThat(put(owner, uri, Map.of("goals", List.of("4.1"))).code()).isEqualTo(403);
        assertThat(put(stab, "/api/reports/goal-order?department=Socialavdelningen&year=2024",
                Map.of("goals", List.of("3.2.1"))).code()).isEqualTo(200);
    }

    @Test
    void the_board_report_counts_only_decisions_suggests_a_measured_goal_from_its_measures_and_has_a_memo()
            throws Exception {
        HttpResponse<Map> knappt = put(stab, "/api/goals/2024/3.3.5/assessments/2024-T1", Map.of("assessment",
                "Knappt uppfylld", "analysis", "Resursbrist inom Fritid Kultur Turism; en plats är klar."));
        assertThat(knappt.code()).as("%s", knappt.getBody(Map.class)).isEqualTo(200);
        assertThat(put(stab, "/api/goals/2024/3.1.1/assessments/2024-T1", Map.of("assessment", "Uppfylld"))
                .code()).isEqualTo(200);
        HttpResponse<Map> measure = stab.postJson("/api/goals/2024/4.1/measures", Map.of("name", "Sjukfrånvaro (%)",
                "unit", "%", "baseline", "12,49", "target", 10, "direction", "DECREASE"));
        assertThat(measure.code()).as("%s", measure.getBody(Map.class)).isEqualTo(201);
        long measureId = ((Number) body(measure).get("id")).longValue();
        assertThat(put(stab, "/api/goals/2024/4.1/measures/" + measureId + "/outcomes/2024-T1",
                Map.of("value", "11,2")).code()).isEqualTo(200);

        BoardReport board = reports.maluppfoljning(T1);
        List<BoardReport.KsGoal> goals = board.kfGoals().stream().flatMap(kf -> kf.goals().stream()).toList();
        // only the two decisions count; every other goal is "Ej bedömd", whatever its suggestion
        Map<String, Integer> counted = new LinkedHashMap<>();
        board.summary().byAssessment().forEach(c -> counted.put(c.label(), c.count()));
        assertThat(counted).containsEntry("Uppfylld", 1).containsEntry("Knappt uppfylld", 1)
                .containsEntry("Delvis uppfylld", 0).containsEntry("Ej uppfylld", 0)
                .containsEntry("Ej bedömd", goals.size() - 2);
        assertThat(goals).filteredOn(g -> g.assessment().decided() == null)
                .allSatisfy(g -> assertThat(g.assessment().label()).isEqualTo("Ej bedömd"))
                .anySatisfy(g -> assertThat(g.assessment().suggestion()).startsWith("Förslag: "));
        BoardReport.KsGoal sickLeave = goals.stream().filter(g -> g.ref().equals("4.1")).findFirst().orElseThrow();
        assertThat(sickLeave.assessment().decided()).isNull();
        assertThat(sickLeave.assessment().suggestion()).isEqualTo("Förslag: Delvis uppfylld");
        assertThat(sickLeave.assessment().reasoning()).startsWith("Bedömt efter målets mått: ");
        assertThat(sickLeave.measures()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("Sjukfrånvaro (%)");
            assertThat(m.baseline()).isEqualTo("12,49 %");
            assertThat(m.target()).isEqualTo("10 %");
            assertThat(m.outcome()).isEqualTo("11,2 %");
        });

        // the decided assessment with its analysis is in the downloaded Word document, which opens in POI
        HttpResponse<byte[]> docx = download(stab, "/api/reports/2024-T1?kind=maluppfoljning&format=docx");
        assertThat(docx.code()).isEqualTo(200);
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.body()));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains("Knappt uppfylld",
                    "Resursbrist inom Fritid Kultur Turism; en plats är klar.", "Förslag: Delvis uppfylld", "11,2 %");
        }

        // the cover memo: a Word draft with the tertial and its figures; Word only; for who reads the board report
        HttpResponse<byte[]> memo = download(stab, "/api/reports/2024-T1/memo?format=docx");
        assertThat(memo.code()).isEqualTo(200);
        assertThat(memo.header("Content-Disposition")).contains("tjansteskrivelse-maluppfoljning-2024-T1.docx");
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(memo.body()));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains("Uppföljning av kommunstyrelsens mål, tertial 1 2024",
                    "Förslag till beslut", "Ärendet i korthet", "Förvaltningens övervägande", "Beslutsunderlag");
        }
        assertThat(download(stab, "/api/reports/2024-T1/memo").code()).isEqualTo(200);
        assertProblem(stab.get("/api/reports/2024-T1/memo?format=pdf"), 422, "format");
        assertProblem(stab.get("/api/reports/2024-T9/memo"), 422, "tertial");
        assertThat(download(staffManager, "/api/reports/2024-T1/memo").code()).isEqualTo(403);
        assertThat(download(owner, "/api/reports/2024-T1/memo").code()).isEqualTo(403);
    }

    @Test
    void stab_and_the_departments_manager_get_one_units_uppsiktsrapport() {
        String uri = "/api/reports/2024-T1?department=Staben&unit=" + java.net.URLEncoder.encode("HR och Kommunikation",
                StandardCharsets.UTF_8) + "&format=html";
        HttpResponse<byte[]> unit = download(stab, uri);
        assertThat(unit.code()).isEqualTo(200);
        assertThat(unit.header("Content-Disposition")).contains("uppsiktsrapport-2024-T1-staben-hr-och-kommunikation.html");
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(new String(unit.body(), StandardCharsets.UTF_8));
        assertThat(html.selectFirst(".cover-scope").text()).isEqualTo("Staben – HR och Kommunikation");
        List<String> refs = html.select("tr[data-ref]").eachAttr("data-ref");
        List<String> expected = staben.entrySet().stream()
                .filter(e -> "HR och Kommunikation".equals(e.getValue().get("unit"))).map(Map.Entry::getKey).toList();
        assertThat(expected).isNotEmpty();
        assertThat(refs).containsExactlyInAnyOrderElementsOf(expected);

        assertThat(download(staffManager, uri).code()).isEqualTo(200);
        assertThat(download(socialManager, uri).code()).isEqualTo(403);
        assertProblem(stab.get("/api/reports/2024-T1?department=Staben&unit=Hemtjänst"), 422, "unit");
        assertProblem(stab.get("/api/reports/2024-T1?kind=maluppfoljning&unit=Hemtjänst"), 422, "unit");
    }
}
