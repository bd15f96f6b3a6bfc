package se.ange.tertial.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.CountingDriver;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * How many SQL statements one accepted status report costs, counted at the JDBC driver ({@link CountingDriver}):
 * held to a ceiling so that the activity cannot be read twice again (issue 17).
 */
abstract class StatusReportStatementsContract {

    static final String CLOCK = "2024-04-10T08:00:00Z";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    Api owner;
    Api admin;

    /** The settings of the database under test, routed through the counting driver. */
    Map<String, String> properties(Map<String, String> database) {
        Map<String, String> properties = CountingDriver.wrapOrFreshH2(database, "tertial-report-statements");
        properties.put("tertial.test.clock", CLOCK);
        return properties;
    }

    @BeforeAll
    void register() {
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        owner = admin.withNewToken("emma", "OWNER", "emma.berglund@ange.example");
    }

    /**
     * Statements (commits not counted) for one accepted report over the API, the token's check included: 24 on
     * PostgreSQL and H2 before (token 1, its person 1, whom they stand in for 1, the activity read twice at eight
     * queries each, then insert, update and audit), 6 after the first step (the token with its person, whom they
     * stand in for, the activity in one query, the report, the activity's status only when it changes, the audit
     * row), 3 now: the token with its person and whom they stand in for, the activity, and the report's rows (report,
     * status when it changes, audit) in one statement ({@code ReportWrites}).
     */
    static final int MAX_STATEMENTS = 3;

    /**
     * Commits per report: the reads are single statements without BEGIN/COMMIT; the writes are one transaction on
     * H2 (1) and none on PostgreSQL (0), where the server runs the one statement's parts as one implicit transaction
     * ({@code ReportWrites}; {@link #a_report_whose_audit_row_is_refused_leaves_no_trace} shows it all or nothing).
     */
    abstract int maxCommits();

    @Test
    void an_owners_report_over_the_api_costs_at_most_the_ceiling_of_statements() {
        record Sent(String status, int code, List<String> statements, long commits) {
        }
        List<Sent> sent = new java.util.ArrayList<>();
        for (String status : List.of("PAGAENDE_ENLIGT_PLAN", "PAGAENDE_ENLIGT_PLAN", "VANTELAGE")) {
            CountingDriver.startEverywhere();
            HttpResponse<Map> created = owner.postJson("/api/activities/KS2024-002/reports",
                    Map.of("tertial", "2024-T1", "status", status, "comment", "Enligt plan"));
            List<String> executed = CountingDriver.stopEverywhere();
            // background jobs (@Scheduled: the inbound mail retry, the outbox poll) may run meanwhile
            List<String> requests = executed.stream().filter(s -> !s.startsWith("scheduled-executor-")).toList();
            sent.add(new Sent(status, created.code(), requests.stream()
                    .filter(s -> !s.endsWith(": COMMIT") && !s.endsWith(": ROLLBACK")).toList(),
                    requests.stream().filter(s -> s.endsWith(": COMMIT")).count()));
        }
        String listed = sent.stream().map(s -> s.status() + ": " + s.statements().size() + "\n"
                + String.join("\n", s.statements())).collect(java.util.stream.Collectors.joining("\n\n"));
        System.out.println("statements per status report over the API:\n" + listed);

        assertThat(sent).extracting(Sent::code).containsOnly(201);
        assertThat(sent).as("statements per report:%n%s", listed)
                .allSatisfy(s -> assertThat(s.statements()).hasSizeLessThanOrEqualTo(MAX_STATEMENTS));
        assertThat(sent).as("commits per report").allSatisfy(s -> assertThat(s.commits()).isLessThanOrEqualTo(maxCommits()));
        assertThat(sent.get(1).statements().get(sent.get(1).statements().size() - 1))
                .as("the same status again: no update of the activity").doesNotContain("UPDATE activity");
        assertThat(sent.get(0).statements().get(sent.get(0).statements().size() - 1))
                .as("a new status: the activity's status updated").contains("UPDATE activity SET status");
        // the outcome is the report's, as before: the history, the activity's status and an audit row for each
        Map<String, Object> detail = Api.body(owner.get("/api/activities/KS2024-002"));
        // (the clock stands still here, so the first of the three counts as the latest)
        assertThat(((Map<?, ?>) detail.get("activity")).get("status")).isEqualTo("PAGAENDE_ENLIGT_PLAN");
        assertThat((List<?>) detail.get("history")).hasSize(3);
        List<Map> audit = admin.retrieve("/api/audit?activity=KS2024-002", Argument.listOf(Map.class));
        assertThat(audit).filteredOn(entry -> "status.reported".equals(entry.get("action"))).hasSize(3);
        assertRowsAsWritten();
    }

    /**
     * The report's rows are all written or none: the audit row, the last part of the write, refused by a check the
     * test adds, leaves neither the report nor the activity's new status behind (on H2 the parts run one by one in a
     * transaction; on PostgreSQL in autocommit, so one implicit transaction), and the API answers 422, not 500.
     */
    @Test
    void a_report_whose_audit_row_is_refused_leaves_no_trace() throws java.sql.SQLException {
        String ref = "KS2024-004";
        Map<String, Object> before = Api.body(owner.get("/api/activities/" + ref));
        Object status = ((Map<?, ?>) before.get("activity")).get("status");
        String changed = "VANTELAGE".equals(status) ? "PAGAENDE_ENLIGT_PLAN" : "VANTELAGE";
        // long, as a comment may be: the driver's size guard must not split the write
        String comment = "Granskningen vägras. " + "Arbetet fortsätter enligt plan. ".repeat(220);
        try (java.sql.Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_log ADD CONSTRAINT test_refused_audit CHECK (after_value NOT LIKE '%vägras%')");
            try {
                HttpResponse<Map> refused = owner.postJson("/api/activities/" + ref + "/reports",
                        Map.of("tertial", "2024-T1", "status", changed, "comment", comment));
                assertThat(refused.code()).isEqualTo(422);
            } finally {
                s.execute("ALTER TABLE audit_log DROP CONSTRAINT test_refused_audit");
            }
        }
        Map<String, Object> after = Api.body(owner.get("/api/activities/" + ref));
        assertThat(((Map<?, ?>) after.get("activity")).get("status")).isEqualTo(status);
        assertThat((List<?>) after.get("history")).hasSameSizeAs((List<?>) before.get("history"));
        List<Map> audit = admin.retrieve("/api/audit?activity=" + ref, Argument.listOf(Map.class));
        assertThat(audit).filteredOn(entry -> "status.reported".equals(entry.get("action"))).isEmpty();
        // and the same report without the check is written whole
        HttpResponse<Map> accepted = owner.postJson("/api/activities/" + ref + "/reports",
                Map.of("tertial", "2024-T1", "status", changed, "comment", comment));
        assertThat(accepted.code()).isEqualTo(201);
        Map<String, Object> written = Api.body(owner.get("/api/activities/" + ref));
        assertThat(((Map<?, ?>) written.get("activity")).get("status")).isEqualTo(changed);
        assertThat((List<?>) written.get("history")).hasSize(((List<?>) before.get("history")).size() + 1);
    }

    /** The rows the reports wrote, column by column (they are written by hand in one statement, not by repositories). */
    private void assertRowsAsWritten() {
        java.time.Instant at = java.time.Instant.parse(CLOCK);
        try (java.sql.Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); java.sql.Statement s = c.createStatement()) {
            List<String> reports = new java.util.ArrayList<>();
            try (java.sql.ResultSet r = s.executeQuery("SELECT r.tertial, r.status, r.comment, r.reporter_id = p.id,"
                    + " r.reported_by, r.channel, r.received_at, r.inbound_mail_id FROM status_report r"
                    + " JOIN activity a ON a.id = r.activity_id JOIN person p ON p.email = 'emma.berglund@ange.example'"
                    + " WHERE a.ref = 'KS2024-002' ORDER BY r.id")) {
                while (r.next()) {
                    reports.add(String.join("|", r.getString(1), r.getString(2), r.getString(3),
                            String.valueOf(r.getBoolean(4)), r.getString(5), r.getString(6),
                            String.valueOf(r.getObject(7, java.time.OffsetDateTime.class).toInstant()),
                            String.valueOf(r.getObject(8))));
                }
            }
            String row = "|Enligt plan|true|emma.berglund@ange.example|API|" + at + "|null";
            assertThat(reports).containsExactly("2024-T1|PAGAENDE_ENLIGT_PLAN" + row, "2024-T1|PAGAENDE_ENLIGT_PLAN" + row,
                    "2024-T1|VANTELAGE" + row);
            try (java.sql.ResultSet a = s.executeQuery("SELECT status, updated_at FROM activity WHERE ref = 'KS2024-002'")) {
                assertThat(a.next()).isTrue();
                assertThat(a.getString(1)).isEqualTo("PAGAENDE_ENLIGT_PLAN");
                assertThat(a.getObject(2, java.time.OffsetDateTime.class).toInstant()).isEqualTo(at);
            }
            List<String> audits = new java.util.ArrayList<>();
            try (java.sql.ResultSet a = s.executeQuery("SELECT l.occurred_at, l.actor, l.channel, l.subject,"
                    + " l.activity_id = a.id, l.before_value, l.after_value, l.credential FROM audit_log l"
                    + " JOIN activity a ON a.ref = 'KS2024-002' WHERE l.action = 'status.reported'"
                    + " AND l.subject = 'activity:KS2024-002' ORDER BY l.id")) {
                while (a.next()) {
                    audits.add(String.join("|", String.valueOf(a.getObject(1, java.time.OffsetDateTime.class).toInstant()),
                            a.getString(2), a.getString(3), a.getString(4), String.valueOf(a.getBoolean(5)),
                            a.getString(6), a.getString(7), a.getString(8)));
                }
            }
            String who = at + "|emma.berglund@ange.example|API|activity:KS2024-002|true|";
            String first = "{\"tertial\":\"2024-T1\",\"status\":\"PAGAENDE_ENLIGT_PLAN\",\"comment\":\"Enligt plan\"}";
            String third = "{\"tertial\":\"2024-T1\",\"status\":\"VANTELAGE\",\"comment\":\"Enligt plan\"}";
            assertThat(audits).containsExactly(who + "null|" + first + "|emma", who + first + "|" + first + "|emma",
                    who + first + "|" + third + "|emma");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
