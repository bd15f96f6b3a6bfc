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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Status;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/**
 * The tertial report end to end, on H2 and PostgreSQL: the 2024 plan, status reports through the API for
 * Staben's activities, then the report in every format, closing (freezing) tertials, goal assessments
 * and who may do what. The clock starts 2024-04-20 (in T1).
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

    Document html(String uri) {
        return Jsoup.parse(new String(reportBytes(uri), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The rows of a KS goal's activity table: ref → the row's text. */
    static Map<String, String> rows(Document doc, String ksRef) {
        Element heading = doc.getElementById("ks-" + ksRef);
        assertThat(heading).as("goal %s in the report", ksRef).isNotNull();
        return heading.parent().select("table.activities tbody tr").stream().collect(Collectors.toMap(
                tr -> tr.selectFirst(".ref").text(), Element::text, (a, b) -> a, LinkedHashMap::new));
    }

    static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void the_stab_t1_report_has_every_stab_activity_under_its_goal_with_status_and_comment_in_html_docx_and_pdf()
            throws IOException {
        HttpResponse<byte[]> htmlResponse = download(stab, "/api/reports/2024-T1?format=html&department=Staben");
        assertThat(htmlResponse.getContentType().map(Object::toString)).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        Document doc = Jsoup.parse(new String(htmlResponse.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Tertialrapport 2024-T1");
        assertThat(doc.selectFirst(".scope").text()).isEqualTo("Staben");
        reported.forEach((ref, facts) -> {
            String row = rows(doc, facts.get(1)).get(ref);
            assertThat(row).as(ref).isNotNull().contains(facts.get(0), facts.get(2), facts.get(3),
                    Status.parse(facts.get(2)).orElseThrow().symbol());
        });
        int htmlRows = doc.select("table.activities tbody tr").size();
        assertThat(htmlRows).isEqualTo(reported.size());
        assertThat(doc.text()).doesNotContain("KS2024-001").doesNotContain("Socialavdelningen");

        // DOCX: opens with POI, cover title, contents field, heading styles, the activities in tables
        HttpResponse<byte[]> docxResponse = download(stab, "/api/reports/2024-T1?format=docx&department=Staben");
        assertThat(docxResponse.getContentType().map(Object::toString))
                .hasValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docxResponse.header("Content-Disposition"))
                .contains("attachment").contains("filename=\"tertialrapport-2024-T1-staben.docx\"");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(docxResponse.body()))) {
            List<XWPFParagraph> paragraphs = docx.getParagraphs();
            assertThat(paragraphs).filteredOn(p -> "Title".equals(p.getStyle())).extracting(XWPFParagraph::getText)
                    .contains("Tertialrapport 2024-T1");
            assertThat(paragraphs).extracting(XWPFParagraph::getText).contains("Staben");
            assertThat(docx.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(docx.getStyles().getStyle("Heading3").getName()).isEqualTo("heading 3");
            List<String> h1 = texts(paragraphs, "Heading1");
            List<String> h2 = texts(paragraphs, "Heading2");
            assertThat(h1).contains("Sammanfattning").anySatisfy(t -> assertThat(t).startsWith("3.1 "));
            reported.values().forEach(facts -> assertThat(h2).anySatisfy(t -> assertThat(t).startsWith(facts.get(1) + " ")));
            assertThat(texts(paragraphs, "Heading3")).contains("Aktiviteter").anySatisfy(t -> assertThat(t).startsWith("Bedömning: "));
            assertThat(docx.getDocument().xmlText()).contains("TOC \\o");
            String tables = docx.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
            reported.forEach((ref, facts) -> assertThat(tables).as(ref)
                    .contains(ref, facts.get(0), facts.get(2), facts.get(3)));
        }

        // PDF: text extracted with PDFBox has the activities, their statuses with symbols, å ä ö
        HttpResponse<byte[]> pdfResponse = download(stab, "/api/reports/2024-T1?format=pdf&department=Staben");
        assertThat(pdfResponse.getContentType().map(Object::toString)).hasValue("application/pdf");
        assertThat(pdfResponse.header("Content-Disposition")).contains("tertialrapport-2024-T1-staben.pdf");
        try (PDDocument pdf = Loader.loadPDF(pdfResponse.body())) {
            // compared without whitespace: lines wrap inside table cells (also after a hyphen)
            String text = flat(new PDFTextStripper().getText(pdf));
            assertThat(text).contains(flat("Tertialrapport 2024-T1"), "Staben", "Sammanfattning");
            reported.forEach((ref, facts) -> assertThat(text).as(ref).contains(ref, flat(facts.get(0)),
                    flat(facts.get(2)), flat(facts.get(3))));
            assertThat(text).contains(flat("▶ Pågående enligt plan"), flat("⚠ Pågående med avvikelse"),
                    flat("‖ Vänteläge"), flat("○ Ej påbörjad"), flat("✔ Avslutad enligt plan"));
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
        String before = rows(html("/api/reports/2024-T1?department=Staben"), goal).get(ref);

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

        Document t1 = html("/api/reports/2024-T1?department=Staben");
        assertThat(rows(t1, goal).get(ref)).isEqualTo(before);
        assertThat(t1.text()).doesNotContain("Ny rubrik efter låsningen").doesNotContain("Sjukskrivning, arbetet");
        assertThat(t1.selectFirst(".frozen").text()).startsWith("Låst 2024-05-02").contains("sara.lindqvist@ange.example");
        assertThat(body(stab.get("/api/tertials/2024-T1/record"))).containsEntry("frozen", true)
                .containsEntry("frozenBy", "sara.lindqvist@ange.example").containsEntry("automatic", false);

        String t2Row = rows(html("/api/reports/2024-T2?department=Staben"), goal).get(ref);
        assertThat(t2Row).contains("Ny rubrik efter låsningen", "Pågående med avvikelse", "Sjukskrivning, arbetet är försenat",
                "Status ändrad: Pågående enligt plan → Pågående med avvikelse", "Slutdatum flyttat:", "2024-12-20");
        assertThat(stab.retrieve("/api/audit", Argument.listOf(Map.class)))
                .anySatisfy(e -> assertThat(e.get("action")).isEqualTo("tertial.closed"));
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

        Document doc = html("/api/reports/2024-T1");
        Element goal335 = doc.getElementById("ks-3.3.5").parent();
        assertThat(goal335.selectFirst(".assessment").text()).isEqualTo("Bedömning: Knappt uppfylld");
        assertThat(goal335.selectFirst(".analysis").text()).isEqualTo("Resursbrist inom Fritid Kultur Turism; en plats klar.");
        Element goal312 = doc.getElementById("ks-3.1.2").parent();
        assertThat(goal312.selectFirst(".assessment").text()).isEqualTo("Bedömning: Uppfylld (förslag)");
        assertThat(doc.selectFirst(".scope").text()).isEqualTo("Hela kommunen");
        assertThat(doc.text()).contains("KS2024-001"); // the board report has every department
        assertThat(stab.retrieve("/api/audit", Argument.listOf(Map.class)))
                .anySatisfy(e -> assertThat(e).containsEntry("action", "goal.assessed").containsEntry("subject", "goal:2024:3.3.5"));

        // frozen with the tertial: a later change is refused and the report keeps the decision
        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        assertThat(stab.postJson("/api/tertials/2024-T1/close", Map.of()).code()).isEqualTo(201);
        assertThat(stab.exchange(HttpRequest.PUT("/api/goals/2024/3.3.5/assessments/2024-T1",
                Map.of("assessment", "Uppfylld"))).code()).isEqualTo(409);
        assertThat(html("/api/reports/2024-T1").getElementById("ks-3.3.5").parent().selectFirst(".assessment").text())
                .isEqualTo("Bedömning: Knappt uppfylld");
    }

    @Test
    void managers_get_only_their_own_department_and_owners_no_report() {
        Api staffManager = admin.withNewToken("johan", "MANAGER", "johan.nordin@ange.example");
        Api socialManager = admin.withNewToken("maria", "MANAGER", "maria.sjoberg@ange.example");
        Api owner = admin.withNewToken("emma", "OWNER", "emma.berglund@ange.example");

        assertThat(download(staffManager, "/api/reports/2024-T1?format=html&department=Staben").code()).isEqualTo(200);
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
        Document t1 = html("/api/reports/2024-T1?department=Staben");
        assertThat(t1.text()).doesNotContain("Sen rapport efter låsningen").contains(reported.get(ref).get(3));
        assertThat(t1.selectFirst(".frozen").text()).contains("(automatiskt)");
    }
}
