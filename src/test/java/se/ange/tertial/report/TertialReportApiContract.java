package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.system.ProblemException;

/**
 * The tertial's reports end to end, on H2 and PostgreSQL: the 2024 plan, status reports through the API for
 * Staben's activities, then the reports as the endpoint serves them (Staben's uppsiktsrapport, the board's
 * måluppföljning) in every format, closing (freezing) tertials, goal assessments and who may do what.
 * The clock starts 2024-04-20 (in T1).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class TertialReportApiContract {

    static final String CLOCK_START = "2024-04-20T08:00:00Z";
    static final Status[] CYCLE = {Status.PAGAENDE_ENLIGT_PLAN, Status.PAGAENDE_MED_AVVIKELSE, Status.VANTELAGE,
        Status.EJ_PABORJAD, Status.AVSLUTAD_MED_AVVIKELSE};

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    AutoClose autoClose;

    @Inject
    TertialRecords records;

    @Inject
    GoalAssessments assessments;

    @Inject
    GoalRepository goals;

    Api admin;
    Api stab;

    /** Staben's activities active in T1: ref → [title, KS goal ref, reported status label, comment]. */
    final Map<String, List<String>> reported = new LinkedHashMap<>();

    @BeforeEach
    void planAndReports() {
        clock.set(Instant.parse(CLOCK_START));
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        // a credential per test: each test writes a few dozen reports, within the per-credential write limit
        stab = admin.withNewToken("stab-report-" + java.util.UUID.randomUUID(), "STAB", "sara.lindqvist@ange.example");
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
        List<Map> staben = (List<Map>) body(stab.get("/api/activities?department=Staben&tertial=2024-T1&size=500")).get("items");
        assertThat(staben).hasSizeGreaterThan(15);
        int i = 0;
        for (Map activity : staben) {
            String ref = (String) activity.get("ref");
            String goal = (String) activity.get("goal");
            // 3.1.2: every activity completed as planned (the rule says Uppfylld)
            Status status = goal.equals("3.1.2") ? Status.AVSLUTAD_ENLIGT_PLAN : CYCLE[i++ % CYCLE.length];
            String comment = "Läget för " + ref + ": arbetet följs upp på ledningsgruppen";
            report(stab, ref, "2024-T1", status, comment);
            reported.put(ref, List.of((String) activity.get("title"), goal, status.swedish(), comment));
        }
    }

    @AfterEach
    void noPause() {
        records.beforeRecordWritten = () -> { };
    }

    static void report(Api api, String ref, String tertial, Status status, String comment) {
        HttpResponse<Map> response = api.postJson("/api/activities/" + ref + "/reports",
                Map.of("tertial", tertial, "status", status.swedish(), "comment", comment));
        assertThat(response.code()).as("report %s: %s", ref, response.getBody(Map.class)).isEqualTo(201);
    }

    HttpResponse<byte[]> download(Api api, String uri) {
        MutableHttpRequest<?> request = HttpRequest.GET(uri).bearerAuth(api.token());
        try {
            return client.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<byte[]>) e.getResponse();
        }
    }

    byte[] reportBytes(String uri) {
        HttpResponse<byte[]> response = download(stab, uri);
        assertThat(response.code()).as(uri).isEqualTo(200);
        return response.body();
    }

    static final String UPPSIKT = "/api/reports/%s?kind=uppsikt&department=Staben";
    static final String MALUPPFOLJNING = "/api/reports/%s?kind=maluppfoljning";

    /** Staben's uppsiktsrapport of a tertial ("2024-T1"), as the endpoint serves it in HTML. */
    Document uppsikt(String tertial) {
        return html(UPPSIKT.formatted(tertial));
    }

    /** The board's måluppföljning of a tertial, as the endpoint serves it in HTML. */
    Document maluppfoljning(String tertial) {
        return html(MALUPPFOLJNING.formatted(tertial));
    }

    Document html(String uri) {
        HttpResponse<byte[]> response = download(stab, uri + "&format=html");
        assertThat(response.code()).as(uri).isEqualTo(200);
        assertThat(response.getContentType().map(Object::toString)).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/html"));
        return Jsoup.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A KS goal's section (its heading's parent) in either report kind. */
    static Element goal(Document doc, String ksRef) {
        Element heading = doc.getElementById("ks-2024-" + ksRef);
        assertThat(heading).as("goal %s in the report", ksRef).isNotNull();
        return heading.parent();
    }

    /** The rows of a KS goal's activity table, keyed by their data-ref (no row shows its ref): ref → the row's text. */
    static Map<String, String> rows(Document doc, String ksRef) {
        return goal(doc, ksRef).select("table.activities tbody tr").stream().collect(Collectors.toMap(
                tr -> tr.attr("data-ref"), Element::text, (a, b) -> a, LinkedHashMap::new));
    }

    static String quoted(String text) {
        return java.util.regex.Pattern.quote(text);
    }

    static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void the_stab_t1_uppsikt_has_every_stab_activity_under_its_goal_with_status_and_comment_in_html_docx_and_pdf()
            throws IOException {
        Document doc = uppsikt("2024-T1");
        assertThat(doc.selectFirst(".cover-title").text()).isEqualTo("Uppsiktsrapport till kommunstyrelsen");
        assertThat(doc.selectFirst(".cover-scope").text()).isEqualTo("Staben");
        assertThat(doc.selectFirst(".cover-tertial").text()).startsWith("Tertial 1 2024");
        reported.forEach((ref, facts) -> {
            String row = rows(doc, facts.get(1)).get(ref);
            assertThat(row).as(ref).isNotNull().contains(facts.get(0), facts.get(2), facts.get(3),
                    DocumentSymbols.printable(Status.parse(facts.get(2)).orElseThrow().symbol()));
        });
        // every row is one of Staben's, each once: nothing of other departments
        assertThat(doc.select("table.activities tbody tr").eachAttr("data-ref"))
                .containsExactlyInAnyOrderElementsOf(reported.keySet());
        assertThat(doc.text()).doesNotContain("Socialavdelningen");

        // DOCX: opens with POI, cover title, contents field, heading styles, the activities in tables
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(
                reportBytes(UPPSIKT.formatted("2024-T1") + "&format=docx")))) {
            List<XWPFParagraph> paragraphs = docx.getParagraphs();
            assertThat(paragraphs).filteredOn(p -> "Title".equals(p.getStyle())).extracting(XWPFParagraph::getText)
                    .contains("Uppsiktsrapport till kommunstyrelsen");
            assertThat(paragraphs).extracting(XWPFParagraph::getText).contains("Staben");
            assertThat(docx.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(docx.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");
            assertThat(texts(paragraphs, "Heading1")).contains("1 Redovisning av arbete för de politiska målen",
                    "2 Kommunstyrelsens mål");
            // a level-2 heading per goal Staben works toward: "1.3 <the goal's title>"
            List<String> h2 = texts(paragraphs, "Heading2");
            reported.values().stream().map(facts -> facts.get(1)).distinct().forEach(ksRef -> {
                String title = goals.findByLevelAndYearAndRef(GoalLevel.KS, 2024, ksRef).orElseThrow().title();
                assertThat(h2).as(ksRef).anySatisfy(t -> assertThat(t).matches("1\\.\\d+ " + java.util.regex.Pattern.quote(title)));
            });
            assertThat(docx.getDocument().xmlText()).contains("TOC \\o \"1-2\"");
            String tables = docx.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
            reported.forEach((ref, facts) -> assertThat(tables).as(ref)
                    .contains(facts.get(0), facts.get(2), facts.get(3)));
            assertThat(tables).doesNotContain("Socialavdelningen");
        }

        // PDF: text extracted with PDFBox has the activities, their statuses with symbols, å ä ö
        try (PDDocument pdf = Loader.loadPDF(reportBytes(UPPSIKT.formatted("2024-T1") + "&format=pdf"))) {
            // compared without whitespace: lines wrap inside table cells (also after a hyphen)
            String text = flat(new PDFTextStripper().getText(pdf));
            assertThat(text).contains(flat("Uppsiktsrapport till kommunstyrelsen"), "Staben",
                    flat("Redovisning av arbete för de politiska målen"));
            reported.forEach((ref, facts) -> assertThat(text).as(ref).contains(flat(facts.get(0)),
                    flat(facts.get(2)), flat(facts.get(3))));
            // ⏸ is not in the embedded font: printed as ‖
            assertThat(text).contains(flat("▶ Pågående enligt plan"), flat("⚠ Pågående med avvikelse"),
                    flat("‖ Vänteläge"), flat("○ Ej påbörjad"), flat("✔ Avslutad enligt plan"))
                    .doesNotContain("⏸").doesNotContain("Socialavdelningen");
        }
    }

    static List<String> texts(List<XWPFParagraph> paragraphs, String style) {
        return paragraphs.stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }

    @Test
    void a_frozen_t1_report_ignores_later_edits_and_the_t2_view_shows_them() {
        String ref = reported.keySet().stream().filter(r -> reported.get(r).get(2).equals("Pågående enligt plan"))
                .findFirst().orElseThrow();
        String goal = reported.get(ref).get(1);
        String before = rows(uppsikt("2024-T1"), goal).get(ref);

        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        assertThat(body(stab.get("/api/tertials/2024-T1/record"))).containsEntry("frozen", false)
                .containsEntry("autoCloseOn", "2024-05-14");
        HttpResponse<Map> closed = stab.postJson("/api/tertials/2024-T1/close", Map.of());
        assertThat(closed.code()).isEqualTo(201);
        assertThat(body(closed)).containsEntry("frozen", true).containsEntry("frozenBy", "sara.lindqvist@ange.example");
        String frozenAt = (String) body(closed).get("frozenAt");

        // later edits: a late T1 report, a new title and end date
        report(stab, ref, "2024-T1", Status.PAGAENDE_MED_AVVIKELSE, "Sjukskrivning, arbetet är försenat");
        HttpResponse<Map> patched = stab.exchange(HttpRequest.PATCH("/api/activities/" + ref,
                Map.of("title", "Ny rubrik efter låsningen", "endDate", "2024-12-20")));
        assertThat(patched.code()).isEqualTo(200);

        HttpResponse<Map> again = stab.postJson("/api/tertials/2024-T1/close", Map.of());
        assertThat(again.code()).isEqualTo(200);
        assertThat((String) body(again).get("message")).contains("redan låst");
        assertThat(body(again)).containsEntry("frozenAt", frozenAt);

        Document t1 = uppsikt("2024-T1");
        assertThat(rows(t1, goal).get(ref)).isEqualTo(before);
        assertThat(t1.text()).doesNotContain("Ny rubrik efter låsningen").doesNotContain("Sjukskrivning, arbetet");
        assertThat(t1.selectFirst(".cover-state").text()).startsWith("Låst 2024-05-02").contains("sara.lindqvist@ange.example");
        assertThat(body(stab.get("/api/tertials/2024-T1/record"))).containsEntry("frozen", true)
                .containsEntry("frozenBy", "sara.lindqvist@ange.example").containsEntry("automatic", false);

        String t2Row = rows(uppsikt("2024-T2"), goal).get(ref);
        assertThat(t2Row).contains("Ny rubrik efter låsningen", "Pågående med avvikelse", "Sjukskrivning, arbetet är försenat",
                "Status ändrad: Pågående enligt plan → Pågående med avvikelse", "Slutdatum flyttat:", "2024-12-20");
        assertThat(stab.retrieve("/api/audit", Argument.listOf(Map.class)))
                .anySatisfy(e -> assertThat(e.get("action")).isEqualTo("tertial.closed"));
    }

    @Test
    void a_closed_tertials_report_keeps_the_goal_and_unit_names_it_was_closed_with() throws SQLException {
        Goal ks = goals.findByLevelAndYearAndRef(GoalLevel.KS, 2024, "3.3.5").orElseThrow();
        Goal kf = goals.findById(ks.parentId()).orElseThrow();
        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        assertThat(stab.postJson("/api/tertials/2024-T1/close", Map.of()).code()).isEqualTo(201);

        // after the close: the plan is imported again with new goal titles, and a unit is renamed
        String renamedPlan = Fixtures.plan2024().replace(ks.title(), "Nytt KS-namn efter låsningen")
                .replace(kf.title(), "Nytt KF-namn efter låsningen");
        assertThat(stab.postCsv("/api/import/activities", renamedPlan).code()).isEqualTo(200);
        assertThat(goals.findById(ks.id()).orElseThrow().title()).isEqualTo("Nytt KS-namn efter låsningen");
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement rename = c.prepareStatement("UPDATE org_unit SET name = ? WHERE name = ?")) {
            rename.setString(1, "Nytt enhetsnamn");
            rename.setString(2, "Fritid Kultur Turism");
            assertThat(rename.executeUpdate()).isEqualTo(1);
        }

        // the board's måluppföljning has the KF and the KS heading ("2.3 <KF title>", "2.3.2 <KS title>")
        Document board = maluppfoljning("2024-T1");
        assertThat(board.getElementById("ks-2024-3.3.5").text()).matches("2\\.\\d+\\.\\d+ " + quoted(ks.title()));
        assertThat(board.getElementById("kf-2024-" + kf.ref()).text()).matches("2\\.\\d+ " + quoted(kf.title()));
        assertThat(board.select("nav.toc").text()).contains(kf.title()).doesNotContain("efter låsningen");
        assertThat(rows(board, "3.3.5").values()).isNotEmpty()
                .allSatisfy(row -> assertThat(row).contains("Staben • Fritid Kultur Turism"));
        assertThat(board.text()).doesNotContain("efter låsningen").doesNotContain("Nytt enhetsnamn");
        // Staben's uppsiktsrapport: the KS heading ("1.4 <KS title>"), the unit after the activity's title
        Document t1 = uppsikt("2024-T1");
        assertThat(t1.getElementById("ks-2024-3.3.5").text()).matches("1\\.\\d+ " + quoted(ks.title()));
        assertThat(t1.select("nav.toc").text()).contains(ks.title()).doesNotContain("efter låsningen");
        assertThat(rows(t1, "3.3.5").values()).isNotEmpty()
                .allSatisfy(row -> assertThat(row).contains(" • Fritid Kultur Turism"));
        assertThat(t1.text()).doesNotContain("efter låsningen").doesNotContain("Nytt enhetsnamn");

        // the open tertial shows the register as it is now
        Document boardT2 = maluppfoljning("2024-T2");
        assertThat(boardT2.getElementById("ks-2024-3.3.5").text()).endsWith(" Nytt KS-namn efter låsningen");
        assertThat(boardT2.getElementById("kf-2024-" + kf.ref()).text()).endsWith(" Nytt KF-namn efter låsningen");
        assertThat(boardT2.text()).contains("Staben • Nytt enhetsnamn");
        Document t2 = uppsikt("2024-T2");
        assertThat(t2.getElementById("ks-2024-3.3.5").text()).endsWith(" Nytt KS-namn efter låsningen");
        assertThat(t2.text()).contains(" • Nytt enhetsnamn");
    }

    @Test
    void an_override_with_analysis_shows_in_the_report_and_the_rule_is_a_suggestion_elsewhere() {
        Map suggestion = body(stab.get("/api/goals/2024/3.1.2/assessments/2024-T1"));
        assertThat((Map) suggestion.get("suggested")).containsEntry("name", "UPPFYLLD");
        assertThat(suggestion).containsEntry("suggestion", true).containsEntry("chosen", null);

        Api manager = admin.withNewToken("johan", "MANAGER", "johan.nordin@ange.example");
        HttpResponse<Map> decided = manager.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/2024-T1",
                Map.of("assessment", "Knappt uppfylld", "analysis", "Resursbrist inom Fritid Kultur Turism; en plats klar.")));
        assertThat(decided.code()).as("%s", decided.getBody(Map.class)).isEqualTo(200);
        assertThat((Map) body(decided).get("chosen")).containsEntry("name", "KNAPPT_UPPFYLLD");
        assertThat(body(decided)).containsEntry("suggestion", false)
                .containsEntry("decidedBy", "johan.nordin@ange.example");

        Document doc = maluppfoljning("2024-T1");
        Element goal335 = goal(doc, "3.3.5");
        assertThat(goal335.selectFirst(".assessment").text()).isEqualTo("◔ Knappt uppfylld");
        assertThat(goal335.selectFirst(".analysis").text()).isEqualTo("Resursbrist inom Fritid Kultur Turism; en plats klar.");
        assertThat(goal335.select(".suggestion")).isEmpty();
        // nobody decided 3.1.2: not assessed, the rule's Uppfylld shown as a suggestion only
        Element goal312 = goal(doc, "3.1.2");
        assertThat(goal312.selectFirst(".assessment").text()).isEqualTo("– Ej bedömd");
        assertThat(goal312.selectFirst(".suggestion").text()).isEqualTo("Förslag: Uppfylld");
        assertThat(doc.selectFirst(".cover-scope").text()).isEqualTo("Hela kommunen");
        // the board report has every department
        assertThat(doc.select("table.activities tbody tr").eachAttr("data-ref")).contains("KS2024-001");
        assertThat(doc.text()).contains("Socialavdelningen");
        assertThat(stab.retrieve("/api/audit", Argument.listOf(Map.class)))
                .anySatisfy(e -> assertThat(e).containsEntry("action", "goal.assessed").containsEntry("subject", "goal:2024:3.3.5"));

        // frozen with the tertial: a later change is refused and the report keeps the decision
        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        assertThat(stab.postJson("/api/tertials/2024-T1/close", Map.of()).code()).isEqualTo(201);
        assertThat(stab.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/2024-T1",
                Map.of("assessment", "Uppfylld"))).code()).isEqualTo(409);
        Element frozen = goal(maluppfoljning("2024-T1"), "3.3.5");
        assertThat(frozen.selectFirst(".assessment").text()).isEqualTo("◔ Knappt uppfylld");
        assertThat(frozen.selectFirst(".analysis").text()).isEqualTo("Resursbrist inom Fritid Kultur Turism; en plats klar.");
    }

    @Test
    void an_assessment_is_read_in_the_seeds_spelling_uppfyllt_delvis_uppfyllt_as_well_as_uppfylld() {
        Map<String, String> sent = new java.util.LinkedHashMap<>();
        sent.put("Delvis uppfyllt", "DELVIS_UPPFYLLD");
        sent.put("Uppfyllt", "UPPFYLLD");
        sent.put("knappt uppfyllt", "KNAPPT_UPPFYLLD");
        sent.put("Ej uppfyllt", "EJ_UPPFYLLD");
        sent.put("Delvis uppfylld", "DELVIS_UPPFYLLD");
        sent.put("uppfylld", "UPPFYLLD");
        for (var entry : sent.entrySet()) {
            HttpResponse<Map> decided = stab.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/2024-T1",
                    Map.of("assessment", entry.getKey())));
            assertThat(decided.code()).as(entry.getKey()).isEqualTo(200);
            assertThat((Map) body(decided).get("chosen")).as(entry.getKey()).containsEntry("name", entry.getValue());
        }
    }

    @Test
    void managers_get_only_their_own_department_and_owners_no_report() {
        Api staffManager = admin.withNewToken("johan", "MANAGER", "johan.nordin@ange.example");
        Api socialManager = admin.withNewToken("maria", "MANAGER", "maria.sjoberg@ange.example");
        Api owner = admin.withNewToken("emma", "OWNER", "emma.berglund@ange.example");

        HttpResponse<byte[]> own = download(staffManager, "/api/reports/2024-T1?format=html&department=Staben");
        assertThat(own.code()).isEqualTo(200);
        // the manager's own download: Staben's uppsiktsrapport, every row one of Staben's
        Document ownReport = Jsoup.parse(new String(own.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ownReport.selectFirst(".cover-title").text()).isEqualTo("Uppsiktsrapport till kommunstyrelsen");
        assertThat(ownReport.selectFirst(".cover-scope").text()).isEqualTo("Staben");
        assertThat(ownReport.select("table.activities tbody tr").eachAttr("data-ref"))
                .containsExactlyInAnyOrderElementsOf(reported.keySet());
        assertThat(ownReport.text()).doesNotContain("Socialavdelningen");
        assertThat(download(staffManager, "/api/reports/2024-T1?format=html").code()).isEqualTo(403);
        assertThat(download(socialManager, "/api/reports/2024-T1?format=pdf&department=Staben").code()).isEqualTo(403);
        assertThat(download(owner, "/api/reports/2024-T1?format=docx&department=Staben").code()).isEqualTo(403);
        assertThat(download(owner, "/api/reports/2024-T1").code()).isEqualTo(403);
        assertThat(download(admin, "/api/reports/2024-T1?format=html").code()).isEqualTo(200);
        assertThat(download(stab, "/api/reports/2024-T1?format=odt").code()).isEqualTo(422);

        // assessments: a goal shared with other departments is stab's; a goal of another department is not theirs
        assertThat(staffManager.exchange(HttpRequest.PUT("/api/goals/2024/3.1.1/assessments/2024-T1",
                Map.of("assessment", "Uppfylld"))).code()).isEqualTo(403);
        assertThat(socialManager.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/2024-T1",
                Map.of("assessment", "Uppfylld"))).code()).isEqualTo(403);
        assertThat(owner.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/2024-T1",
                Map.of("assessment", "Uppfylld"))).code()).isEqualTo(403);
        assertThat(owner.get("/api/goals/2024/3.3.5/assessments/2024-T1").code()).isEqualTo(403);
        assertThat(stab.exchange(HttpRequest.PUT("/api/goals/2024/3.1.1/assessments/2024-T1",
                Map.of("assessment", "Bra"))).code()).isEqualTo(422);

        // closing is stab's
        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        assertThat(staffManager.postJson("/api/tertials/2024-T1/close", Map.of()).code()).isEqualTo(403);
        assertThat(admin.postJson("/api/tertials/2024-T1/close", Map.of()).code()).isEqualTo(403);
        assertThat(stab.get("/api/tertials/2024-T1/record").code()).isEqualTo(200);
        assertThat(body(stab.get("/api/tertials/2024-T1/record"))).containsEntry("frozen", false);
    }

    @Test
    void a_manager_may_not_assess_a_goal_shared_with_another_department_even_when_only_theirs_report_in_the_tertial() {
        // 3.1.1: KS2024-002 and -004 are Staben's; -001, -005 and -006 (Socialavdelningen) finish in T1 and
        // -003 (Socialavdelningen) starts in September, so only Staben's activities report in T2
        for (String ref : List.of("KS2024-001", "KS2024-005", "KS2024-006")) {
            report(stab, ref, "2024-T1", Status.AVSLUTAD_ENLIGT_PLAN, "Klart");
        }
        clock.set(Instant.parse("2024-06-10T08:00:00Z"));
        assertThat(body(stab.get("/api/goals/2024/3.1.1/assessments/2024-T2"))).containsEntry("activities", 2);
        Api staffManager = admin.withNewToken("johan", "MANAGER", "johan.nordin@ange.example");

        HttpResponse<Map> shared = staffManager.exchange(HttpRequest.PUT("/api/goals/2024/3.1.1/assessments/2024-T2",
                Map.of("assessment", "Uppfylld")));
        assertThat(shared.code()).isEqualTo(403);
        assertThat(body(stab.get("/api/goals/2024/3.1.1/assessments/2024-T2"))).containsEntry("chosen", null);
        // a goal that is Staben's alone (3.3.5) stays the Staben manager's to decide
        assertThat(staffManager.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/2024-T2",
                Map.of("assessment", "Uppfylld"))).code()).isEqualTo(200);
    }

    @Test
    void an_assessment_for_another_years_tertial_or_one_not_started_is_a_swedish_422_naming_the_tertial() {
        // today is 2024-04-20: 2024-T1 is running, 2024-T2 has not started
        Map<String, String> decision = Map.of("assessment", "Uppfylld");
        HttpResponse<Map> otherYear = stab.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/2025-T1", decision));
        HttpResponse<Map> farAhead = stab.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/2031-T1", decision));
        HttpResponse<Map> notStarted = stab.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/2024-T2", decision));
        for (HttpResponse<Map> answer : List.of(otherYear, farAhead, notStarted)) {
            assertThat(answer.code()).isEqualTo(422);
            assertThat((List<Map>) body(answer).get("errors")).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("field", "tertial"));
        }
        assertThat((String) body(otherYear).get("detail")).contains("2025-T1", "3.3.5 är ett mål för 2024");
        assertThat((String) body(notStarted).get("detail")).contains("2024-T2 har inte börjat", "1 maj 2024");
        assertThat(stab.get("/api/goals/2024/3.3.5/assessments/2025-T1").code()).isEqualTo(422);

        assertThat(stab.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/2024-T1", decision)).code())
                .isEqualTo(200);
        // nothing was decided for next year's tertial (2024 goals with unfinished activities show there with
        // the rule's suggestion); this year's report has each goal once, and every contents link lands
        clock.set(Instant.parse("2025-02-01T08:00:00Z"));
        assertThat(maluppfoljning("2025-T1").select(".assessment").eachText()).isNotEmpty()
                .allSatisfy(assessment -> assertThat(assessment).isEqualTo("– Ej bedömd"));
        Document t1 = maluppfoljning("2024-T1");
        List<String> ids = t1.select("[id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates().contains("ks-2024-3.3.5");
        assertThat(t1.select("nav.toc a").eachAttr("href")).allSatisfy(href -> assertThat(ids).contains(href.substring(1)));
    }

    @Test
    void a_tertial_cannot_be_closed_before_its_close_and_closes_itself_14_days_after() {
        assertThat(stab.postJson("/api/tertials/2024-T1/close", Map.of()).code()).isEqualTo(409);

        assertThat(autoClose.runOn(LocalDate.of(2024, 5, 13))).isEmpty();
        clock.set(Instant.parse("2024-05-14T01:00:00Z"));
        assertThat(autoClose.runOn(LocalDate.of(2024, 5, 14))).extracting(Object::toString).containsExactly("2024-T1");
        assertThat(autoClose.runOn(LocalDate.of(2024, 5, 15))).isEmpty();

        Map record = body(stab.get("/api/tertials/2024-T1/record"));
        assertThat(record).containsEntry("frozen", true).containsEntry("automatic", true)
                .containsEntry("frozenBy", AutoClose.ACTOR);
        String ref = reported.keySet().iterator().next();
        report(stab, ref, "2024-T1", Status.AVSLUTAD_MED_AVVIKELSE, "Sen rapport efter låsningen");
        Document t1 = uppsikt("2024-T1");
        assertThat(t1.text()).doesNotContain("Sen rapport efter låsningen").contains(reported.get(ref).get(3));
        assertThat(t1.selectFirst(".cover-state").text()).contains("(automatiskt)");
    }

    @Test
    void a_tertial_missed_entirely_while_the_check_was_off_is_closed_by_the_next_check() {
        // the daily check was off from April to mid-September: T1 (due 14 May) was never closed
        clock.set(Instant.parse("2024-09-13T08:00:00Z"));
        assertThat(autoClose.runOn(LocalDate.of(2024, 9, 13))).extracting(Object::toString).containsExactly("2024-T1");
        assertThat(body(stab.get("/api/tertials/2024-T1/record"))).containsEntry("frozen", true)
                .containsEntry("automatic", true).containsEntry("frozenBy", AutoClose.ACTOR);
        // T2 is due 14 September
        clock.set(Instant.parse("2024-09-14T08:00:00Z"));
        assertThat(autoClose.runOn(LocalDate.of(2024, 9, 14))).extracting(Object::toString).containsExactly("2024-T2");
        assertThat(autoClose.runOn(LocalDate.of(2024, 9, 15))).isEmpty();
        // before the register's first plan year there is nothing to freeze
        assertThat(records.record(Tertial.parse("2023-T3"))).isEmpty();
    }

    @Test
    void the_next_check_closes_every_missed_tertial_oldest_first_with_its_own_reports() {
        clock.set(Instant.parse("2024-12-20T08:00:00Z"));
        String ref = reported.keySet().iterator().next();
        report(stab, ref, "2024-T2", Status.VANTELAGE, "Läget i T2");

        assertThat(autoClose.runOn(LocalDate.of(2024, 12, 20))).extracting(Object::toString)
                .containsExactly("2024-T1", "2024-T2");
        assertThat(rows(uppsikt("2024-T1"), reported.get(ref).get(1)).get(ref))
                .contains(reported.get(ref).get(3)).doesNotContain("Läget i T2");
        assertThat(rows(uppsikt("2024-T2"), reported.get(ref).get(1)).get(ref))
                .contains("Läget i T2");
        assertThat(records.record(Tertial.parse("2023-T3"))).isEmpty();
        assertThat(autoClose.runOn(LocalDate.of(2024, 12, 21))).isEmpty();
    }

    @Test
    void a_tertial_can_be_closed_only_after_its_closing_day_so_reports_late_that_day_are_in_the_record() {
        // 30 April 21:00 in Stockholm: T1's last day, still open for reports
        clock.set(Instant.parse("2024-04-30T19:00:00Z"));
        HttpResponse<Map> early = stab.postJson("/api/tertials/2024-T1/close", Map.of());
        assertThat(early.code()).isEqualTo(409);
        assertThat(body(early)).containsEntry("detail",
                "Tertial 2024-T1 stänger 30 april 2024; det kan låsas från 1 maj 2024.");
        assertThat(records.record(Tertial.parse("2024-T1"))).isEmpty();
        String ref = reported.keySet().iterator().next();
        report(stab, ref, "2024-T1", Status.VANTELAGE, "Rapporterad sent på sista dagen");

        // 1 May 00:30 in Stockholm
        clock.set(Instant.parse("2024-04-30T22:30:00Z"));
        assertThat(stab.postJson("/api/tertials/2024-T1/close", Map.of()).code()).isEqualTo(201);
        assertThat(rows(uppsikt("2024-T1"), reported.get(ref).get(1)).get(ref))
                .contains("Vänteläge", "Rapporterad sent på sista dagen");
    }

    @Test
    void an_unreadable_tertial_is_a_swedish_422_naming_the_field_on_every_report_endpoint() {
        Api manager = admin.withNewToken("johan", "MANAGER", "johan.nordin@ange.example");
        List<HttpResponse<Map>> answers = List.of(
                stab.get("/api/reports/2024-T4?department=Staben"),
                stab.get("/api/tertials/T1-2024/record"),
                stab.postJson("/api/tertials/2024T1/close", Map.of()),
                stab.get("/api/goals/2024/3.3.5/assessments/tertial1"),
                manager.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/0999-T1",
                        Map.of("assessment", "Uppfylld"))));
        for (HttpResponse<Map> answer : answers) {
            assertThat(answer.code()).isEqualTo(422);
            assertThat(answer.getContentType().map(Object::toString)).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat((String) body(answer).get("detail")).startsWith("Ange tertialet som t.ex. 2024-T1, inte '")
                    .doesNotContain("Expected");
            assertThat((List<Map>) body(answer).get("errors")).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("field", "tertial"));
        }
        assertThat(body(answers.get(0))).containsEntry("detail", "Ange tertialet som t.ex. 2024-T1, inte '2024-T4'");
    }

    /** Holds a close just before it writes its record: {@code reached} when it is there, until {@code resume}. */
    record Pause(CountDownLatch reached, CountDownLatch resume) {
        void awaitReached() throws InterruptedException {
            assertThat(reached.await(30, TimeUnit.SECONDS)).as("the close reached the pause").isTrue();
        }
    }

    /** Pauses the next close (only that one; the test instance may be shared, so new latches each time). */
    Pause pauseTheNextClose() {
        Pause pause = new Pause(new CountDownLatch(1), new CountDownLatch(1));
        records.beforeRecordWritten = () -> {
            records.beforeRecordWritten = () -> { };
            pause.reached().countDown();
            try {
                assertThat(pause.resume().await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return pause;
    }

    static <T> T result(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void two_closes_at_once_keep_one_record_and_both_answer() throws Exception {
        clock.set(Instant.parse("2024-05-15T08:00:00Z"));
        Tertial t1 = Tertial.parse("2024-T1");
        Pause pause = pauseTheNextClose();
        CompletableFuture<TertialRecords.CloseResult> auto = CompletableFuture.supplyAsync(
                () -> records.close(t1, Actor.system(AutoClose.ACTOR), true));
        pause.awaitReached();
        CompletableFuture<HttpResponse<Map>> manual = CompletableFuture.supplyAsync(
                () -> stab.postJson("/api/tertials/2024-T1/close", Map.of()));
        try {
            manual.get(500, TimeUnit.MILLISECONDS); // the manual close waits for the automatic one
        } catch (TimeoutException e) {
            // expected
        }
        pause.resume().countDown();

        TertialRecords.CloseResult first = result(auto);
        HttpResponse<Map> second = result(manual);
        assertThat(first.created()).isTrue();
        assertThat(second.code()).as("%s", second.getBody(Map.class)).isEqualTo(200);
        assertThat((String) body(second).get("message")).contains("redan låst");
        assertThat(body(second)).containsEntry("frozenBy", AutoClose.ACTOR).containsEntry("automatic", true);
    }

    @Test
    void a_record_written_by_another_instance_meanwhile_is_the_answer_not_an_error() throws Exception {
        clock.set(Instant.parse("2024-05-15T08:00:00Z"));
        Tertial t1 = Tertial.parse("2024-T1");
        Pause pause = pauseTheNextClose();
        CompletableFuture<TertialRecords.CloseResult> close = CompletableFuture.supplyAsync(
                () -> records.close(t1, Actor.system(AutoClose.ACTOR), true));
        pause.awaitReached();
        // the other instance's close commits between this one's look and its insert (the UNIQUE tertial)
        Instant otherAt = Instant.parse("2024-05-15T07:59:59Z");
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO tertial_record (tertial, frozen_at, frozen_by, automatic) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, "2024-T1");
            insert.setTimestamp(2, Timestamp.from(otherAt));
            insert.setString(3, "other-instance");
            insert.setBoolean(4, true);
            insert.executeUpdate();
        }
        pause.resume().countDown();

        TertialRecords.CloseResult result = result(close);
        assertThat(result.created()).isFalse();
        assertThat(result.record().frozenBy()).isEqualTo("other-instance");
        assertThat(records.record(t1)).hasValueSatisfying(r -> assertThat(r.frozenBy()).isEqualTo("other-instance"));
    }

    @Test
    void a_decision_made_while_the_tertial_closes_is_refused_never_accepted_and_left_out() throws Exception {
        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        Tertial t1 = Tertial.parse("2024-T1");
        Goal goal = goals.findByLevelAndYearAndRef(GoalLevel.KS, 2024, "3.3.5").orElseThrow();
        Pause pause = pauseTheNextClose();
        CompletableFuture<TertialRecords.CloseResult> close = CompletableFuture.supplyAsync(
                () -> records.close(t1, Actor.system("stab"), false));
        pause.awaitReached();
        CompletableFuture<Void> decision = CompletableFuture.runAsync(() -> assessments.decide(goal, t1,
                GoalAssessment.KNAPPT_UPPFYLLD, "Beslut medan tertialet låses", Actor.system("johan")));
        try {
            decision.get(500, TimeUnit.MILLISECONDS); // without the lock it is accepted here, before the close ends
        } catch (TimeoutException e) {
            // expected: it waits for the close
        } catch (ExecutionException e) {
            // judged below
        }
        pause.resume().countDown();
        assertThat(result(close).created()).isTrue();

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> result(decision));
        assertThat(refused).as("the decision during the close").isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) refused).status().getCode()).isEqualTo(409);
        assertThat(refused.getMessage()).contains("är låst");
        assertThat(assessments.view(goal, t1).state().chosen()).isNull();
        assertThat(assessments.view(goal, t1).frozen()).isTrue();
        assertThat(maluppfoljning("2024-T1").text()).doesNotContain("Beslut medan tertialet låses");
    }

    @Test
    void a_decision_made_just_before_the_close_is_in_the_record() throws Exception {
        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        Tertial t1 = Tertial.parse("2024-T1");
        Goal goal = goals.findByLevelAndYearAndRef(GoalLevel.KS, 2024, "3.3.5").orElseThrow();
        assessments.decide(goal, t1, GoalAssessment.DELVIS_UPPFYLLD, "Beslut före låsningen", Actor.system("johan"));
        assertThat(records.close(t1, Actor.system("stab"), false).created()).isTrue();
        assertThat(assessments.view(goal, t1).state().chosen()).isEqualTo(GoalAssessment.DELVIS_UPPFYLLD);
        assertThat(goal(maluppfoljning("2024-T1"), "3.3.5").selectFirst(".analysis").text())
                .isEqualTo("Beslut före låsningen");
    }
}
