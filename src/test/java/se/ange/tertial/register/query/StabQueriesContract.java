package se.ange.tertial.register.query;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.command.CommandHandler;
import se.ange.tertial.command.Reply;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * The stab's queries as endpoints (overdue, missing, deviations) in JSON and CSV, scoped by role, run
 * against H2 and PostgreSQL by the two subclasses. The 2024 plan; dates are asked for explicitly.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class StabQueriesContract {

    static final String JOHAN = "johan.nordin@ange.example";      // manager, Staben
    static final String MARIA = "maria.sjoberg@ange.example";     // manager, Socialavdelningen
    static final String EMMA = "emma.berglund@ange.example";      // owner, Staben

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    CommandHandler commands;

    @Inject
    Callers callers;

    Api stab;
    Api johan;
    Api maria;
    Api emma;

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        stab = admin.withNewToken("stab", "STAB", null);
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
        johan = admin.withNewToken("johan", "MANAGER", JOHAN);
        maria = admin.withNewToken("maria", "MANAGER", MARIA);
        emma = admin.withNewToken("emma", "OWNER", EMMA);
    }

    @Test
    void overdue_lists_every_late_activity_most_overdue_first_and_completed_ones_drop_out() {
        Map all = body(stab.get("/api/activities/overdue?on=2024-05-01&size=500"));
        List<Map> items = items(all);
        assertThat(all.get("total")).isEqualTo(12);
        assertThat(items).hasSize(12);
        assertThat(items).extracting(i -> LocalDate.parse((String) activity(i).get("endDate")))
                .isSorted().allSatisfy(end -> assertThat(end).isBefore(LocalDate.of(2024, 5, 1)));
        assertThat(refs(items).get(0)).isIn("KS2024-001", "KS2024-031");   // both ended 31 January
        assertThat(items.get(0).get("daysOverdue")).isEqualTo(91);
        // the same answer as the list filter of GET /api/activities
        assertThat(body(stab.get("/api/activities?overdueOn=2024-05-01&size=1")).get("total")).isEqualTo(12);

        stab.postJson("/api/activities/KS2024-001/reports", Map.of("tertial", "2024-T1",
                "status", "Avslutad enligt plan", "comment", "Klar"));
        List<String> after = refs(items(body(stab.get("/api/activities/overdue?on=2024-05-01&size=500"))));
        assertThat(after).hasSize(11).doesNotContain("KS2024-001");

        // paged, never cut: page 1 of size 5 is the 6th to 10th, total stays
        Map second = body(stab.get("/api/activities/overdue?on=2024-05-01&size=5&page=1"));
        assertThat(second.get("total")).isEqualTo(11);
        assertThat(refs(items(second))).containsExactlyElementsOf(after.subList(5, 10));
    }

    @Test
    void overdue_is_scoped_like_the_chat_command_managers_their_department_owners_their_own() {
        List<Map> staben = items(body(johan.get("/api/activities/overdue?on=2024-05-01&size=500")));
        assertThat(refs(staben)).containsExactly("KS2024-031", "KS2024-021", "KS2024-020");
        assertThat(johan.get("/api/activities/overdue?on=2024-05-01&department=Staben").code()).isEqualTo(200);
        HttpResponse<Map> other = johan.get("/api/activities/overdue?on=2024-05-01&department=Socialavdelningen");
        assertThat(other.code()).isEqualTo(403);
        assertThat(body(other).get("detail").toString()).contains("din egen verksamhet");
        assertThat(stab.get("/api/activities/overdue?department=Ingenstans").code()).isEqualTo(422);

        List<Map> social = items(body(maria.get("/api/activities/overdue?on=2024-05-01&size=500")));
        assertThat(social).hasSize(8).allSatisfy(i -> assertThat(activity(i).get("department")).isEqualTo("Socialavdelningen"));
        assertThat(refs(items(body(stab.get("/api/activities/overdue?on=2024-05-01&department=socialavdelningen&size=500")))))
                .containsExactlyElementsOf(refs(social));

        List<Map> own = items(body(emma.get("/api/activities/overdue?on=2024-11-15&size=500")));
        assertThat(refs(own)).containsExactlyInAnyOrder("KS2024-002", "KS2024-004", "KS2024-008", "KS2024-038",
                "KS2024-041", "KS2024-045", "KS2024-065", "KS2024-078");
        assertThat(own).allSatisfy(i -> assertThat((List<Map>) activity(i).get("owners"))
                .extracting(o -> o.get("email")).contains(EMMA));
        assertThat(emma.get("/api/activities/overdue?department=Socialavdelningen").code()).isEqualTo(403);
        assertThat(new Api(client.toBlocking(), null).get("/api/activities/overdue").code()).isEqualTo(401);
    }

    @Test
    void overdue_as_csv_is_excel_ready_complete_and_parses_back() throws IOException {
        HttpResponse<byte[]> response = raw(stab, "/api/activities/overdue?on=2024-05-01&size=2", "text/csv");
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.getContentType().orElseThrow().getName()).isEqualTo("text/csv");
        assertThat(response.header(HttpHeaders.CONTENT_DISPOSITION))
                .contains("attachment").contains("filename=\"forsenade-2024-05-01.csv\"");
        byte[] bytes = response.body();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);   // UTF-8 byte order mark, for Excel
        List<CSVRecord> rows = parse(bytes);
        assertThat(rows).hasSize(12);   // size=2 pages JSON, never the CSV
        assertThat(rows.get(0).toMap().keySet()).contains("Referens", "Rubrik", "Avdelning", "Ansvariga", "E-post",
                "Slutdatum", "Status", "KS-mål", "Dagar försenad");
        List<String> jsonRefs = refs(items(body(stab.get("/api/activities/overdue?on=2024-05-01&size=500"))));
        assertThat(rows).extracting(r -> r.get("Referens")).containsExactlyElementsOf(jsonRefs);
        assertThat(rows).extracting(r -> r.get("Avdelning")).contains("Samhällsbyggnadsavdelningen");
        CSVRecord first = rows.get(0);
        assertThat(first.get("Dagar försenad")).isEqualTo("91");
        assertThat(first.get("Status")).isEqualTo("Ingen status än");
        assertThat(first.get("Slutdatum")).isEqualTo("2024-01-31");

        HttpResponse<byte[]> byParameter = raw(johan, "/api/activities/overdue?on=2024-05-01&format=csv&department=Staben",
                "application/json");
        assertThat(byParameter.header(HttpHeaders.CONTENT_DISPOSITION)).contains("forsenade-staben-2024-05-01.csv");
        assertThat(parse(byParameter.body())).extracting(r -> r.get("Referens"))
                .containsExactly("KS2024-031", "KS2024-021", "KS2024-020");
        assertThat(stab.get("/api/activities/overdue?format=xml").code()).isEqualTo(422);
        assertThat(raw(maria, "/api/activities/overdue?department=Staben&format=csv", "text/csv").code()).isEqualTo(403);
    }

    @Test
    void missing_for_a_tertial_answers_as_the_chat_does_and_reports_take_activities_off() {
        Map staben = body(stab.get("/api/tertials/2024-T1/missing?department=Staben&size=500"));
        List<String> before = refs(items(staben));
        assertThat(before).contains("KS2024-002").allSatisfy(ref -> assertThat(ref).startsWith("KS2024-"));
        assertThat(items(staben)).allSatisfy(i -> {
            assertThat(i.get("tertial")).isEqualTo("2024-T1");
            assertThat(activity(i).get("department")).isEqualTo("Staben");
        });
        assertThat(items(staben)).extracting(i -> (String) activity(i).get("endDate")).isSorted();

        assertThat(stab.postJson("/api/activities/KS2024-002/reports", Map.of("tertial", "2024-T1",
                "status", "Pågående enligt plan")).code()).isEqualTo(201);
        List<String> after = refs(items(body(stab.get("/api/tertials/2024-T1/missing?department=Staben&size=500"))));
        assertThat(after).hasSize(before.size() - 1).doesNotContain("KS2024-002");

        // the chat command and the endpoint give the same first page for a manager
        Reply chat = commands.handle("saknas 2024-T1", callers.byEmail(MARIA, "slack"), Language.SV, Channel.SLACK);
        Map api = body(maria.get("/api/tertials/2024-T1/missing?size=10"));
        assertThat(chat.entries()).extracting(Reply.Entry::key).containsExactlyElementsOf(refs(items(api)));
        assertThat(chat.heading()).contains("(" + api.get("total") + ")");

        List<Map> own = items(body(emma.get("/api/tertials/2024-T1/missing?size=500")));
        assertThat(own).isNotEmpty().allSatisfy(i -> assertThat((List<Map>) activity(i).get("owners"))
                .extracting(o -> o.get("email")).contains(EMMA));
        assertThat(refs(own)).doesNotContain("KS2024-002");
        assertThat(stab.get("/api/tertials/2024-T4/missing").code()).isEqualTo(422);
    }

    @Test
    void missing_as_csv_has_every_row_with_the_tertial() throws IOException {
        Map json = body(stab.get("/api/tertials/2024-T1/missing?size=500"));
        HttpResponse<byte[]> response = raw(stab, "/api/tertials/2024-T1/missing?format=csv", null);
        assertThat(response.header(HttpHeaders.CONTENT_DISPOSITION)).contains("saknas-2024-T1.csv");
        List<CSVRecord> rows = parse(response.body());
        assertThat(rows).hasSize(((Number) json.get("total")).intValue()).hasSizeGreaterThan(50);
        assertThat(rows).extracting(r -> r.get("Referens")).containsExactlyElementsOf(refs(items(json)));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("Tertial")).isEqualTo("2024-T1"));

        // missing for T2 says when the activity last reported, in JSON and CSV
        assertThat(stab.postJson("/api/activities/KS2024-004/reports", Map.of("tertial", "2024-T1",
                "status", "Pågående enligt plan")).code()).isEqualTo(201);
        Map t2 = items(body(stab.get("/api/tertials/2024-T2/missing?department=Staben&size=500"))).stream()
                .filter(i -> activity(i).get("ref").equals("KS2024-004")).findFirst().orElseThrow();
        assertThat(t2).containsEntry("lastReportedTertial", "2024-T1");
        assertThat(parse(raw(stab, "/api/tertials/2024-T2/missing?format=csv&department=Staben", null).body()))
                .filteredOn(r -> r.get("Referens").equals("KS2024-004")).singleElement()
                .satisfies(r -> assertThat(r.get("Senast rapporterad")).isEqualTo("2024-T1"));
    }

    @Test
    void deviations_of_a_tertial_come_as_csv_too_and_only_for_the_callers_department() throws IOException {
        stab.postJson("/api/activities/KS2024-002/reports", Map.of("tertial", "2024-T1",
                "status", "Pågående med avvikelse", "comment", "=SUMMA(A1:A9) föreläsningen flyttad"));
        Map json = body(johan.get("/api/tertials/2024-T1/deviations"));
        List<CSVRecord> rows = parse(raw(johan, "/api/tertials/2024-T1/deviations", "text/csv").body());
        assertThat(rows).hasSize((Integer) json.get("total"));
        assertThat(rows).extracting(r -> r.get("Avdelning")).containsOnly("Staben");
        CSVRecord reported = rows.stream().filter(r -> r.get("Referens").equals("KS2024-002")).findFirst().orElseThrow();
        assertThat(reported.get("Status")).isEqualTo("Pågående med avvikelse");
        assertThat(reported.get("Avvikelser")).contains("Rapporterad med avvikelse");
        assertThat(reported.get("Senaste kommentar")).isEqualTo("'=SUMMA(A1:A9) föreläsningen flyttad");
        assertThat(rows).anySatisfy(r -> assertThat(r.get("Avvikelser")).contains("Status saknas för tertialet 2024-T1"));
        assertThat(johan.get("/api/tertials/2024-T1/deviations?department=Socialavdelningen").code()).isEqualTo(403);
    }

    @Test
    void a_cell_that_a_spreadsheet_would_run_as_a_formula_stays_text() {
        for (String formula : java.util.List.of("=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")) {
            assertThat(CsvExport.cell(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(CsvExport.cell("Pågående")).isEqualTo("Pågående");
        assertThat(CsvExport.slug("Samhällsbyggnadsavdelningen")).isEqualTo("samhallsbyggnadsavdelningen");
    }

    private HttpResponse<byte[]> raw(Api as, String uri, String accept) {
        MutableHttpRequest<?> request = HttpRequest.GET(uri).bearerAuth(as.token());
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        try {
            return client.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<byte[]>) e.getResponse();
        }
    }

    static List<CSVRecord> parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.EXCEL.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    static List<Map> items(Map page) {
        return (List<Map>) page.get("items");
    }

    static Map activity(Map item) {
        return (Map) item.get("activity");
    }

    static List<String> refs(List<Map> items) {
        return items.stream().map(i -> (String) activity(i).get("ref")).toList();
    }
}
