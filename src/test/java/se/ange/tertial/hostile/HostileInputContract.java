package se.ange.tertial.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import se.ange.tertial.command.CommandHandler;
import se.ange.tertial.command.Reply;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * Several hundred malformed requests, generated: CSV imports, JSON bodies, query strings, chat command
 * lines through the command handler and e-mail through the inbound intake. None may get a 5xx; every
 * refusal names what was wrong (a field, or a line of the file); a refused request stores nothing; no
 * answer shows SQL, table or column names, class names or stack text. Run on H2 and PostgreSQL.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class HostileInputContract {

    /** What an answer must never show: class and package names, SQL, the database's own words, stacks. */
    static final Pattern LEAK = Pattern.compile("se\\.ange\\.|java\\.|javax\\.|jakarta\\.|io\\.micronaut|com\\.fasterxml"
            + "|org\\.(h2|postgresql|apache)|Exception|\\bSQL|SELECT |INSERT INTO|UPDATE \"|DELETE FROM|CONSTRAINT"
            + "|CHARACTER VARYING|\\bat [a-z]+\\.|status_report|org_unit|activity_owner|person_role"
            + "|\\[\\d{5}-\\d{3}\\]|REDACTED|StreamReadFeature|Source:", Pattern.CASE_INSENSITIVE);

    static final String[] TABLES = {"activity", "activity_owner", "goal", "goal_area", "measure", "department",
        "org_unit", "person", "person_role", "person_absence", "status_report", "audit_log", "goal_assessment",
        "digest_preference", "reminder_snooze"};

    static final List<String> PLAN_COLUMNS = List.of("ref", "kf_goal_ref", "kf_goal", "ks_goal_ref", "ks_goal",
            "goal_area", "title", "description", "start_date", "end_date", "department", "unit", "owner_email");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    CommandHandler commands;

    @Inject
    Callers callers;

    Api admin;
    Api stab;
    Api gateway;
    int requests;

    private void setUp() {
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        stab = admin.withNewToken("hostile-stab", "STAB", null);
        gateway = admin.withNewToken("hostile-gateway", "GATEWAY", null);
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
    }

    @TestFactory
    Stream<DynamicNode> malformed_requests_get_a_4xx_naming_what_was_wrong_and_store_nothing() {
        setUp();
        List<DynamicNode> groups = List.of(
                dynamicContainer("CSV: activity plan", planImports()),
                dynamicContainer("CSV: people", peopleImports()),
                dynamicContainer("JSON bodies", jsonBodies()),
                dynamicContainer("query strings and paths", queries()),
                dynamicContainer("chat command lines", chatLines()),
                dynamicContainer("e-mail", mails()),
                dynamicContainer("count", Stream.of(dynamicTest("at least 300 malformed requests were sent",
                        () -> assertThat(requests).isGreaterThanOrEqualTo(300)))));
        return groups.stream();
    }

    // ---------------------------------------------------------------- CSV

    /** Three rows of the real plan under new refs: valid, so a refusal is the hostile cell's doing. */
    private static List<Map<String, String>> smallPlan() {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Fixtures.plan2024()))) {
            List<Map<String, String>> rows = new ArrayList<>();
            int n = 901;
            for (CSVRecord record : parser.getRecords().subList(0, 3)) {
                Map<String, String> row = new LinkedHashMap<>(record.toMap());
                row.put("ref", "KS2024-" + n++);
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csv(List<String> header, List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(header);
            for (Map<String, String> row : rows) {
                printer.printRecord(header.stream().map(c -> row.getOrDefault(c, "")).toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static Map<String, List<String>> hostilePlanCells() {
        Map<String, List<String>> cells = new LinkedHashMap<>();
        cells.put("ref", List.of("", "x".repeat(41), "KS 2024 ä", "=cmd|' /C calc'!A0", "KS2024-001';DROP TABLE activity;--"));
        cells.put("kf_goal_ref", List.of("", "1".repeat(21), "3.x", "-1"));
        cells.put("kf_goal", List.of("", "k".repeat(2001)));
        cells.put("ks_goal_ref", List.of("", "9.9", "1".repeat(21), "3.1.1.'"));
        cells.put("ks_goal", List.of("", "k".repeat(2001)));
        cells.put("goal_area", List.of("g".repeat(201)));
        cells.put("title", List.of("", " ", "t".repeat(1001)));
        cells.put("description", List.of("d".repeat(8001)));
        cells.put("start_date", List.of("", "notadate", "2024-02-30", "+999999999-12-31", "1899-12-31", "2201-01-01",
                "-0001-01-01", "2024-1-1"));
        cells.put("end_date", List.of("", "31/12/2024", "+999999999-12-31", "2200-12-32", "2023-12-31"));
        cells.put("department", List.of("", "a".repeat(201)));
        cells.put("unit", List.of("u".repeat(201)));
        cells.put("owner_email", List.of("", "inte-en-adress", "a@b", "x".repeat(320) + "@ange.example",
                "okand.person@ange.example", "a@x.se; ; @"));
        cells.put("source", List.of("XX", "ks; drop"));
        return cells;
    }

    private Stream<DynamicNode> planImports() {
        List<DynamicNode> tests = new ArrayList<>();
        hostilePlanCells().forEach((column, values) -> {
            for (String value : values) {
                tests.add(dynamicTest("%s = %s".formatted(column, shown(value)), () -> {
                    List<Map<String, String>> rows = smallPlan();
                    rows.get(1).put(column, value);
                    List<String> header = new ArrayList<>(PLAN_COLUMNS);
                    if (column.equals("source")) {
                        header.add("source");
                    }
                    refusedImport(stab, "/api/import/activities", csv(header, rows), 3, column);
                }));
            }
        });
        for (String column : PLAN_COLUMNS) {
            tests.add(dynamicTest("header repeats " + column, () -> {
                List<String> header = new ArrayList<>(PLAN_COLUMNS);
                header.add(column.toUpperCase());
                refusedImport(stab, "/api/import/activities", csv(header, smallPlan()), 1, column);
            }));
        }
        for (String unknown : List.of("extra", "Ansvarig", "owner_emails", "=1+1", "ref2")) {
            tests.add(dynamicTest("unknown column " + unknown, () -> {
                List<String> header = new ArrayList<>(PLAN_COLUMNS);
                header.add(unknown);
                refusedImport(stab, "/api/import/activities", csv(header, smallPlan()), 1,
                        unknown.toLowerCase());
            }));
        }
        for (String column : PLAN_COLUMNS) {
            tests.add(dynamicTest("header lacks " + column, () -> {
                List<String> header = new ArrayList<>(PLAN_COLUMNS);
                header.remove(column);
                refusedImport(stab, "/api/import/activities", csv(header, smallPlan()), 1, column);
            }));
        }
        String valid = csv(PLAN_COLUMNS, smallPlan());
        String[] lines = valid.split("\n");
        Map<String, Object[]> whole = new LinkedHashMap<>();
        whole.put("empty file", new Object[] {"", 1});
        whole.put("only a BOM", new Object[] {"\uFEFF", 1});
        whole.put("only blank lines", new Object[] {"\n\n\r\n", 1});
        whole.put("header only", new Object[] {lines[0] + "\n", 2});
        whole.put("header only, with BOM and CRLF", new Object[] {"\uFEFF" + lines[0] + "\r\n", 2});
        whole.put("unclosed quote on line 3", new Object[] {lines[0] + "\n" + lines[1] + "\n"
                + lines[2].replaceFirst(",", ",\"") + "\n" + lines[3] + "\n", 3});
        whole.put("unclosed quote on line 2", new Object[] {lines[0] + "\n\"" + lines[1] + "\n" + lines[2] + "\n", 2});
        whole.put("unclosed quote on line 4", new Object[] {lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n"
                + lines[3] + ",\"\n", 4});
        whole.put("text after a closing quote on line 2", new Object[] {lines[0] + "\n\"KS2024-901\"x"
                + lines[1].substring(lines[1].indexOf(',')) + "\n", 2});
        whole.put("a row with more fields than the header", new Object[] {lines[0] + "\n" + lines[1] + ",extra\n", 2});
        whole.put("binary garbage", new Object[] {"\u0000\u0001\u0002\uFFFD,\u0007\n\u0000", 1});
        whole.put("semicolons instead of commas", new Object[] {valid.replace(',', ';'), 1});
        whole.put("a JSON body", new Object[] {"{\"ref\":\"KS2024-901\"}", 1});
        whole.forEach((name, file) -> tests.add(dynamicTest(name, () ->
                refusedImport(stab, "/api/import/activities", (String) file[0], (Integer) file[1], null))));
        for (String year : List.of("abc", "999999999", "-1", "1899", "99999999999")) {
            tests.add(dynamicTest("year=" + year, () -> {
                HttpResponse<Map> response = send(stab, HttpRequest.POST("/api/import/activities?year=" + year, valid)
                        .contentType("text/csv"));
                assertRefusal(response, "year");
            }));
        }
        return tests.stream();
    }

    private Stream<DynamicNode> peopleImports() {
        List<String> header = List.of("name", "email", "role", "department", "unit", "slack_user_id", "teams_user_id",
                "language", "active");
        Map<String, List<String>> cells = new LinkedHashMap<>();
        cells.put("name", List.of("", "n".repeat(201)));
        cells.put("email", List.of("", "inte-en-adress", "x".repeat(320) + "@ange.example", "ny@ange.example"));
        cells.put("role", List.of("kung", "owner;root"));
        cells.put("department", List.of("d".repeat(201)));
        cells.put("unit", List.of("u".repeat(201)));
        cells.put("slack_user_id", List.of("U".repeat(51)));
        cells.put("teams_user_id", List.of("T".repeat(101), "teams-1"));
        cells.put("language", List.of("fi", "svenska"));
        cells.put("active", List.of("kanske", "1"));
        List<DynamicNode> tests = new ArrayList<>();
        cells.forEach((column, values) -> {
            for (String value : values) {
                tests.add(dynamicTest("%s = %s".formatted(column, shown(value)), () -> {
                    List<Map<String, String>> rows = new ArrayList<>();
                    for (int i = 1; i <= 3; i++) {
                        rows.add(new LinkedHashMap<>(Map.of("name", "Ny Person " + i, "email", "ny" + i + "@ange.example",
                                "role", "owner", "department", "Staben", "teams_user_id", "teams-" + i)));
                    }
                    rows.get(1).put(column, value); // line 3; teams-1 and ny@… repeat or clash with line 2's
                    if (value.equals("ny@ange.example")) {
                        rows.get(0).put("email", value);
                    }
                    refusedImport(admin, "/api/import/people", csv(header, rows), 3, column);
                }));
            }
        });
        tests.add(dynamicTest("teams id of a person already in the register", () -> {
            String first = csv(header, List.of(new LinkedHashMap<>(Map.of("name", "Teams Ett", "email",
                    "teams.ett@ange.example", "role", "owner", "department", "Staben", "teams_user_id", "aad-1"))));
            assertThat(admin.postCsv("/api/import/people", first).code()).isEqualTo(200);
            String clash = csv(header, List.of(new LinkedHashMap<>(Map.of("name", "Teams Två", "email",
                    "teams.tva@ange.example", "role", "owner", "department", "Staben", "teams_user_id", "aad-1"))));
            refusedImport(admin, "/api/import/people", clash, 2, "teams_user_id");
        }));
        tests.add(dynamicTest("people: header only", () ->
                refusedImport(admin, "/api/import/people", String.join(",", header) + "\n", 2, null)));
        tests.add(dynamicTest("people: repeated email column", () ->
                refusedImport(admin, "/api/import/people", "name,email,role,department,Email\nA,a@x.se,owner,Staben,b@x.se\n",
                        1, "email")));
        tests.add(dynamicTest("people: unknown column", () ->
                refusedImport(admin, "/api/import/people", "name,email,role,department,password\nA,a@x.se,owner,Staben,x\n",
                        1, "password")));
        return tests.stream();
    }

    private void refusedImport(Api api, String uri, String file, Integer line, String column) {
        Map<String, Long> before = counts();
        HttpResponse<Map> response = send(api, HttpRequest.POST(uri, file).contentType("text/csv"));
        assertThat(response.code()).as("status of %s", Api.body(response)).isEqualTo(422);
        List<Map> errors = errors(response);
        assertThat(errors).as("errors").isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("line")).as("every error names its line: " + e).isNotNull());
        assertThat(errors).as("an error at line %s column %s in %s", line, column, errors)
                .anySatisfy(e -> {
                    assertThat(e.get("line")).isEqualTo(line);
                    if (column != null) {
                        assertThat(e.get("column")).isEqualTo(column);
                    }
                });
        assertThat(counts()).as("nothing stored by a refused import").isEqualTo(before);
    }

    // ---------------------------------------------------------------- JSON

    private record JsonCase(HttpMethod method, String uri, String body, String field) {
    }

    private Stream<DynamicNode> jsonBodies() {
        List<JsonCase> cases = new ArrayList<>();
        String activity = "/api/activities/KS2024-002";
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("title", List.of("\"\"", q("t".repeat(1001))));
        fields.put("description", List.of(q("d".repeat(8001))));
        fields.put("startDate", List.of(q("+999999999-12-31"), q("1899-12-31"), q("2201-01-01"), q("2024-02-30"),
                q("notadate"), q("-999999999-01-01")));
        fields.put("endDate", List.of(q("+999999999-12-31"), q("2023-01-01"), q("2024-13-01")));
        fields.put("goal", List.of(q("9.9.9"), q("g".repeat(21)), q("")));
        fields.put("source", List.of(q("XX")));
        fields.put("department", List.of(q("Finns Inte"), q("%"), q("_taben"), q("a".repeat(201)), q("")));
        fields.put("unit", List.of(q("u".repeat(201))));
        fields.put("owners", List.of("[]", "[\"x\"]", "[\"" + "x".repeat(320) + "@ange.example\"]",
                "[null]", "[\"okand@ange.example\"]", "[\"\"]"));
        fields.forEach((field, values) -> values.forEach(value ->
                cases.add(new JsonCase(HttpMethod.PATCH, activity, "{\"" + field + "\":" + value + "}", field))));
        // the wrong JSON type: refused, the field named when the parser tells which
        Map<String, List<String>> wrongTypes = new LinkedHashMap<>();
        wrongTypes.put("title", List.of("[]", "{}"));
        wrongTypes.put("startDate", List.of("true", "{}", "[\"x\"]"));
        wrongTypes.put("source", List.of("[]", "{}"));
        wrongTypes.put("department", List.of("{}"));
        wrongTypes.put("owners", List.of("{}", "[[]]", "[{}]"));
        wrongTypes.forEach((field, values) -> values.forEach(value ->
                cases.add(new JsonCase(HttpMethod.PATCH, activity, "{\"" + field + "\":" + value + "}", null))));
        cases.add(new JsonCase(HttpMethod.PUT, activity, "{\"title\":\"Bara rubriken\"}", "startDate"));
        cases.add(new JsonCase(HttpMethod.PUT, activity, "{}", "title"));
        String reports = activity + "/reports";
        cases.add(new JsonCase(HttpMethod.POST, reports, "{\"status\":\"okänd\"}", "status"));
        cases.add(new JsonCase(HttpMethod.POST, reports, "{\"status\":\"\"}", "status"));
        cases.add(new JsonCase(HttpMethod.POST, reports, "{}", "status"));
        cases.add(new JsonCase(HttpMethod.POST, reports, "{\"status\":" + q("s".repeat(101)) + "}", "status"));
        cases.add(new JsonCase(HttpMethod.POST, reports, "{\"status\":\"2\",\"comment\":" + q("k".repeat(8001)) + "}", "comment"));
        for (String tertial : List.of("2024-T9", "T1", "+999999999-T1", "2024-T1'--", "x".repeat(21), "-1-T1", "99999999999-T1")) {
            cases.add(new JsonCase(HttpMethod.POST, reports, "{\"status\":\"2\",\"tertial\":" + q(tertial) + "}", "tertial"));
        }
        String measures = "/api/goals/2024/3.1.1/measures";
        for (String outcome : List.of("1e400", "-1e400", "1234567890123456789012345678901234567890", "123456789012345",
                "-123456789012345.5")) {
            cases.add(new JsonCase(HttpMethod.POST, measures, "{\"name\":\"Mått\",\"outcome\":" + outcome + "}", "outcome"));
        }
        for (String outcome : List.of("\"abc\"", "1e999999999", "[1]", "{}", "NaN", "Infinity")) {
            cases.add(new JsonCase(HttpMethod.POST, measures, "{\"name\":\"Mått\",\"outcome\":" + outcome + "}", null));
        }
        cases.add(new JsonCase(HttpMethod.POST, measures, "{\"name\":" + q("m".repeat(501)) + "}", "name"));
        cases.add(new JsonCase(HttpMethod.POST, measures, "{\"name\":\"\"}", "name"));
        cases.add(new JsonCase(HttpMethod.POST, measures, "{\"name\":\"Mått\",\"unit\":" + q("%".repeat(51)) + "}", "unit"));
        cases.add(new JsonCase(HttpMethod.POST, measures, "{\"name\":\"Mått\",\"asOf\":\"+999999999-12-31\"}", "asOf"));
        cases.add(new JsonCase(HttpMethod.POST, measures, "{\"name\":\"Mått\",\"asOf\":\"1800-01-01\"}", "asOf"));
        String absences = "/api/people/emma.berglund@ange.example/absences";
        cases.add(new JsonCase(HttpMethod.POST, absences, "{\"from\":\"2024-05-01\",\"to\":\"+999999999-12-31\"}", "to"));
        cases.add(new JsonCase(HttpMethod.POST, absences, "{\"from\":\"1000-01-01\",\"to\":\"2024-05-01\"}", "from"));
        cases.add(new JsonCase(HttpMethod.POST, absences, "{\"from\":\"2024-05-02\",\"to\":\"2024-05-01\"}", "to"));
        cases.add(new JsonCase(HttpMethod.POST, absences, "{\"from\":\"2024-05-01\"}", "to"));
        cases.add(new JsonCase(HttpMethod.POST, absences, "{\"from\":\"igår\",\"to\":\"2024-05-01\"}", "from"));
        String assessment = "/api/goals/2024/3.1.1/assessments/2024-T1";
        cases.add(new JsonCase(HttpMethod.PUT, assessment, "{\"analysis\":" + q("a".repeat(8001)) + "}", "analysis"));
        cases.add(new JsonCase(HttpMethod.PUT, assessment, "{\"assessment\":\"Jättebra\"}", "assessment"));
        cases.add(new JsonCase(HttpMethod.PUT, "/api/goals/2024/3.1.1/assessments/2024-T7", "{}", "tertial"));
        String preferences = "/api/digests/preferences?person=johan.nordin@ange.example";
        cases.add(new JsonCase(HttpMethod.PUT, preferences, "{\"enabled\":true,\"day\":\"FUNDAY\"}", null));
        cases.add(new JsonCase(HttpMethod.PUT, preferences, "{\"enabled\":true,\"day\":\"SATURDAY\"}", "day"));
        cases.add(new JsonCase(HttpMethod.PUT, preferences, "{\"enabled\":true,\"day\":\"MONDAY\",\"channel\":\"FAX\"}", null));
        cases.add(new JsonCase(HttpMethod.PUT, "/api/people/emma.berglund@ange.example/deputy",
                "{\"deputy\":\"emma.berglund@ange.example\"}", "deputy"));
        for (String broken : List.of("{", "{\"title\":}", "[]", "null", "\"x\"", "{\"title\":\"a\"", "{'title':'a'}",
                "{\"title\":\"a\",}", "\u0000", "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "1e400", "{\"title\":NaN}")) {
            cases.add(new JsonCase(HttpMethod.PATCH, activity, broken, null));
            cases.add(new JsonCase(HttpMethod.POST, reports, broken, null));
        }
        return cases.stream().map(c -> dynamicTest("%s %s %s".formatted(c.method(), c.uri(), shown(c.body())), () -> {
            Map<String, Long> before = counts();
            Api caller = c.uri().startsWith("/api/people") || c.uri().startsWith("/api/digests") ? admin : stab;
            HttpResponse<Map> response = send(caller, HttpRequest.create(c.method(), c.uri())
                    .contentType(MediaType.APPLICATION_JSON_TYPE).body(c.body()));
            assertRefusal(response, c.field());
            assertThat(counts()).as("nothing stored by a refused request").isEqualTo(before);
        }));
    }

    private static String q(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---------------------------------------------------------------- query strings

    private Stream<DynamicNode> queries() {
        List<String[]> cases = new ArrayList<>(); // uri, field named (or null)
        String[] dates = {"notadate", "+999999999-12-31", "-999999999-01-01", "1899-12-31", "2201-01-01", "2024-02-30",
            "2024-04-30T00:00", ""};
        for (String date : dates) {
            cases.add(new String[] {"/api/activities?deviationsOn=" + enc(date), date.isEmpty() ? null : "deviationsOn"});
            cases.add(new String[] {"/api/activities?overdueOn=" + enc(date), date.isEmpty() ? null : "overdueOn"});
            cases.add(new String[] {"/api/activities/overdue?on=" + enc(date), date.isEmpty() ? null : "on"});
            cases.add(new String[] {"/api/tertials/2024-T1/deviations?on=" + enc(date), date.isEmpty() ? null : "on"});
            cases.add(new String[] {"/api/reminders/preview?on=" + enc(date), "on"});
            cases.add(new String[] {"/api/digests/preview?manager=johan.nordin@ange.example&on=" + enc(date),
                date.isEmpty() ? null : "on"});
        }
        for (String number : List.of("abc", "-1", "99999999999", "1.5", "0x10", "")) {
            cases.add(new String[] {"/api/activities?page=" + enc(number), number.isEmpty() ? null : "page"});
            cases.add(new String[] {"/api/activities?size=" + enc(number), number.isEmpty() ? null : "size"});
            cases.add(new String[] {"/api/goals?year=" + enc(number), number.isEmpty() ? null : "year"});
        }
        cases.add(new String[] {"/api/activities?size=0", "size"});
        cases.add(new String[] {"/api/activities?size=501", "size"});
        for (String tertial : List.of("2024-T9", "x", "+999999999-T1", "2024-T1;", "%00", "99999999999-T1", "2024-t")) {
            cases.add(new String[] {"/api/activities?tertial=" + enc(tertial), "tertial"});
            cases.add(new String[] {"/api/tertials/" + enc(tertial) + "/missing", "tertial"});
            cases.add(new String[] {"/api/tertials/" + enc(tertial) + "/deviations", "tertial"});
            cases.add(new String[] {"/api/reports/" + enc(tertial), "tertial"});
            cases.add(new String[] {"/api/tertials/" + enc(tertial) + "/record", "tertial"});
        }
        for (String status : List.of("nope", "7", "0", "'; DROP TABLE activity; --")) {
            cases.add(new String[] {"/api/activities?status=" + enc(status), "status"});
        }
        for (String department : List.of("%", "_", "Finns Inte", "a".repeat(1000), "' OR 1=1 --", "Staben%")) {
            cases.add(new String[] {"/api/activities/overdue?department=" + enc(department), "department"});
            cases.add(new String[] {"/api/tertials/2024-T1/missing?department=" + enc(department), "department"});
            cases.add(new String[] {"/api/tertials/2024-T1/deviations?department=" + enc(department), "department"});
        }
        for (String format : List.of("xls", "csv;", "", "JSON ")) {
            cases.add(new String[] {"/api/activities/overdue?format=" + enc(format), format.isBlank() ? null : "format"});
            cases.add(new String[] {"/api/reports/2024-T1?format=" + enc(format), null});
        }
        for (String kind : List.of("kvartal", "%00", "'; DROP TABLE report_text; --", "a".repeat(1000))) {
            cases.add(new String[] {"/api/reports/2024-T1?kind=" + enc(kind), "kind"});
            cases.add(new String[] {"/api/reports/2024-T1/texts?kind=" + enc(kind), "kind"});
        }
        for (String department : List.of("%", "Finns Inte", "' OR 1=1 --")) {
            cases.add(new String[] {"/api/reports/2024-T1/texts?department=" + enc(department), null});
            cases.add(new String[] {"/api/reports/goal-order?year=2024&department=" + enc(department), null});
        }
        cases.add(new String[] {"/api/reports/goal-order?department=Staben&year=1", "year"});
        cases.add(new String[] {"/api/reports/goal-order?department=Staben", "year"});
        for (String since : List.of("yesterday", "+1000000000-12-31T23:59:59Z", "1800-01-01T00:00:00Z", "2024-04-30")) {
            cases.add(new String[] {"/api/audit?since=" + enc(since), "since"});
        }
        cases.add(new String[] {"/api/outbox?state=NOPE", "state"});
        cases.add(new String[] {"/api/activities/" + enc("x".repeat(1000)), null});
        cases.add(new String[] {"/api/activities/" + enc("KS2024-002'--"), null});
        cases.add(new String[] {"/api/people/" + enc("%"), null});
        cases.add(new String[] {"/api/people/" + enc("' OR '1'='1"), null});
        cases.add(new String[] {"/api/goals/abc/3.1.1/assessments/2024-T1", "year"});
        cases.add(new String[] {"/api/goals/99999999999/3.1.1/assessments/2024-T1", "year"});
        cases.add(new String[] {"/api/digests/preview", "manager"});
        cases.add(new String[] {"/api/digests/preview?manager=" + enc("x".repeat(400)), null});
        return cases.stream().map(c -> dynamicTest("GET " + shown(c[0]), () -> {
            Map<String, Long> before = counts();
            HttpResponse<Map> response = send(stab, HttpRequest.GET(c[0]));
            if (response.code() < 400) {
                return; // an empty value is the default: fine
            }
            assertRefusal(response, c[1]);
            assertThat(counts()).isEqualTo(before);
        }));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------- chat

    private Stream<DynamicNode> chatLines() {
        List<String> lines = new ArrayList<>();
        List<String> verbs = List.of("status", "rapportera", "aktivitet", "påminn", "saknas", "försenade", "avvikelser",
                "mina", "hjälp", "inställningar", "klar");
        List<String> tails = List.of("", " ", " KS2024-002", " KS2024-002 9", " KS2024-002 pågående enligt plan: "
                + "k".repeat(9000), " KS2024-999 pågående", " ' OR 1=1 --", " %", " \u0000\u0007", " 2024-T9",
                " +999999999-T1", " KS2024-002 om 999999999 dagar", " KS2024-002 om -5 dagar",
                " " + "x".repeat(10000), " KS2024-002 \u202Eevila\u202C 😀", " <!channel> <@U123> <https://x|y>");
        for (String verb : verbs) {
            for (String tail : tails) {
                lines.add(verb + tail);
            }
        }
        lines.add("");
        lines.add("\n\n\n");
        lines.add("KS2024-002: 2");
        Caller owner = callers.byEmail("emma.berglund@ange.example", "hostile-test").orElseThrow();
        return lines.stream().map(line -> dynamicTest("chat: " + shown(line), () -> {
            requests++;
            Map<String, Long> before = counts();
            Reply reply = commands.handle(line, Optional.of(owner), Channel.SLACK);
            assertThat(reply.toText()).as("an answer, in words").isNotBlank();
            assertThat(reply.toText()).doesNotContainPattern(LEAK);
            if (line.contains("k".repeat(9000))) {
                assertThat(counts()).as("an over-long comment is not stored").isEqualTo(before);
            }
        }));
    }

    // ---------------------------------------------------------------- e-mail

    private Stream<DynamicNode> mails() {
        String headers = "From: Emma Berglund <emma.berglund@ange.example>\r\nTo: tertial@ange.example\r\n"
                + "Subject: Re: Påminnelse\r\nMessage-ID: <hostile-%d@mail.ange.example>\r\n"
                + "Date: Wed, 24 Apr 2024 09:14:00 +0200\r\n";
        Map<String, String> mails = new LinkedHashMap<>();
        mails.put("empty", "");
        mails.put("garbage", "\u0000\u0001\u0002 not a mail at all");
        mails.put("headers only", headers);
        mails.put("no From", "To: tertial@ange.example\r\nSubject: x\r\nMessage-ID: <hostile-%d@x>\r\n\r\nKS2024-002: 2\r\n");
        mails.put("From without address", headers.replace("Emma Berglund <emma.berglund@ange.example>", "Emma")
                + "\r\nKS2024-002: 2\r\n");
        mails.put("broken base64", headers + "Content-Transfer-Encoding: base64\r\n\r\n!!!not base64@@@\r\n");
        mails.put("unknown charset", headers + "Content-Type: text/plain; charset=x-klingon\r\n\r\nKS2024-002: 2\r\n");
        mails.put("broken multipart", headers + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nKS2024-002: 2\r\n");
        mails.put("multipart without boundary", headers + "Content-Type: multipart/alternative\r\n\r\nKS2024-002: 2\r\n");
        mails.put("broken quoted-printable", headers + "Content-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n");
        mails.put("encoded-word garbage", headers.replace("Re: Påminnelse", "=?utf-8?B?!!!?= =?x?Q?=ZZ?=") + "\r\nhej\r\n");
        mails.put("forged token", headers.replace("tertial@", "tertial+[m84.p7.AAAAAAAAAAAAAAAAAAAA]@")
                + "\r\nKS2024-002: 2\r\n");
        mails.put("token garbage", headers.replace("tertial@", "tertial+[" + "9".repeat(300) + "]@") + "\r\n2\r\n");
        mails.put("status out of range", headers + "\r\nKS2024-002: 99\r\n");
        mails.put("long subject", headers.replace("Re: Påminnelse", "Re: " + "x".repeat(5000)) + "\r\nKS2024-002: 2\r\n");
        mails.put("long Message-ID", headers.replace("hostile-%d", "m".repeat(2000) + "-%d") + "\r\nKS2024-002: 2\r\n");
        mails.put("long sender", headers.replace("emma.berglund@ange.example", "e".repeat(400) + "@ange.example")
                + "\r\nKS2024-002: 2\r\n");
        mails.put("deep multipart", headers + "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n"
                + nested(60) + "\r\n");
        mails.put("html only, scripted", headers + "Content-Type: text/html\r\n\r\n<script>alert(1)</script>"
                + "<p>KS2024-002: 2</p>\r\n");
        mails.put("NUL in body", headers + "\r\nKS2024-002: 2\u0000\u0000\r\n");
        mails.put("bare LF line ends", headers.replace("\r\n", "\n") + "\nKS2024-002: 2\n");
        mails.put("header without colon", headers + "This is not a header\r\n\r\nKS2024-002: 2\r\n");
        List<DynamicNode> tests = new ArrayList<>();
        int[] n = {0};
        mails.forEach((name, template) -> {
            int id = ++n[0];
            tests.add(dynamicTest("mail: " + name, () -> {
                String text = template.contains("%d") ? template.replace("%d", String.valueOf(id)) : template;
                HttpResponse<Map> response = send(gateway, HttpRequest.POST("/api/mail/inbound",
                        text.getBytes(StandardCharsets.UTF_8)).contentType("message/rfc822"));
                assertThat(response.code()).as("status").isLessThan(500);
                assertThat(response.code()).as("a mail is kept and answered, never refused by a column's size")
                        .isNotEqualTo(422);
                Map body = response.getBody(Map.class).orElse(Map.of());
                assertThat(String.valueOf(body)).doesNotContainPattern(LEAK);
                if (response.code() == 200) {
                    assertThat(body.get("outcome")).as("what happened to the mail").isNotNull();
                    if (!"RECORDED".equals(body.get("outcome")) && !"DUPLICATE".equals(body.get("outcome"))) {
                        assertThat(String.valueOf(body.get("detail"))).as("why, in words").isNotBlank();
                    }
                } else {
                    assertThat(String.valueOf(body.get("detail"))).isNotBlank();
                }
            }));
        });
        return tests.stream();
    }

    private static String nested(int depth) {
        StringBuilder mail = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            mail.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1)
                    .append("\"\r\n\r\n");
        }
        return mail.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\nKS2024-002: 2\r\n").toString();
    }

    // ---------------------------------------------------------------- shared

    private HttpResponse<Map> send(Api api, HttpRequest<?> request) {
        requests++;
        return api.exchange(request);
    }

    /** A 4xx whose problem names a field or a line (that field, when known) and shows nothing of the inside. */
    private static void assertRefusal(HttpResponse<Map> response, String field) {
        Map body = response.getBody(Map.class).orElse(Map.of());
        assertThat(response.code()).as("status of %s", body).isBetween(400, 499);
        assertThat(String.valueOf(body)).as("the problem shows nothing of the inside").doesNotContainPattern(LEAK);
        assertThat(String.valueOf(body.get("detail"))).as("detail").isNotBlank().isNotEqualTo("null");
        if (response.code() == 400 || response.code() == 422) {
            List<Map> errors = (List<Map>) body.get("errors");
            assertThat(errors).as("errors in %s", body).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.get("field") != null || e.get("line") != null)
                            .as("names a field or a line: " + e).isTrue());
            if (field != null) {
                assertThat(errors).as("an error about %s in %s", field, body).anySatisfy(e -> assertThat(
                        String.valueOf(e.get("field"))).matches(Pattern.quote(field) + "([\\[.].*)?"));
            }
        }
    }

    private static List<Map> errors(HttpResponse<Map> response) {
        Map body = response.getBody(Map.class).orElse(Map.of());
        assertThat(String.valueOf(body)).doesNotContainPattern(LEAK);
        List<Map> errors = (List<Map>) body.get("errors");
        return errors == null ? List.of() : errors;
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static String shown(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "·");
        return oneLine.length() > 50 ? oneLine.substring(0, 50) + "…(" + text.length() + ")" : oneLine;
    }
}
