package se.ange.tertial.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import se.ange.tertial.command.CommandHandler;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.CountingCatalog;
import se.ange.tertial.register.query.ActivityQueries;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.CountingDriver;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * No whole-register read on a per-request path (issue 17): chat, lists and queries read the rows they need by index,
 * so a register grown by a finished year of activities costs them no more statements, and {@link ActivityCatalog#all()}
 * (the cache kept for reports and plan-wide views) is never asked. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class RegisterReadsContract {

    static final String CLOCK = "2024-04-20T08:00:00Z";
    static final String STAB = "sara.lindqvist@ange.example";
    static final String JOHAN = "johan.nordin@ange.example";      // manager, Staben
    static final String EMMA = "emma.berglund@ange.example";      // owner, Staben
    /** Activities of a finished year added to the demo plan for the "large" register. */
    static final int FINISHED_YEAR = 600;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    CommandHandler commands;

    @Inject
    Callers callers;

    @Inject
    ActivityQueries queries;

    @Inject
    ActivityCatalog catalog;

    Map<String, String> properties(Map<String, String> database) {
        Map<String, String> properties = CountingDriver.wrapOrFreshH2(database, "tertial-reads");
        properties.put("tertial.test.clock", CLOCK);
        properties.put("tertial.test.count-register-reads", "true");
        return properties;
    }

    /** What one path cost: statements on this thread (commits not counted) and activities read whole. */
    record Cost(int statements, int activities) {
    }

    @Test
    void chat_queries_and_lists_read_by_index_in_as_many_statements_whatever_the_register_size() throws Exception {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        Api stab = admin.withNewToken("stab", "STAB", null);
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
        Api johan = admin.withNewToken("johan", "MANAGER", JOHAN);
        Api emma = admin.withNewToken("emma", "OWNER", EMMA);

        Map<String, Cost> demo = measure();
        Map<String, Integer> demoHttp = overHttp(stab, johan, emma);
        addFinishedYear(stab);
        Map<String, Cost> large = measure();
        Map<String, Integer> largeHttp = overHttp(stab, johan, emma);

        StringBuilder table = new StringBuilder("| path | statements demo → large | activities read demo → large |\n");
        demo.forEach((path, cost) -> table.append("| ").append(path).append(" | ").append(cost.statements())
                .append(" → ").append(large.get(path).statements()).append(" | ").append(cost.activities())
                .append(" → ").append(large.get(path).activities()).append(" |\n"));
        demoHttp.forEach((path, read) -> table.append("| ").append(path).append(" | – | ").append(read)
                .append(" → ").append(largeHttp.get(path)).append(" |\n"));
        System.out.println("Register reads per request path, demo plan (79) and with " + FINISHED_YEAR
                + " finished activities of 2023 more:\n" + table);

        demo.forEach((path, cost) -> assertThat(large.get(path).statements())
                .as("statements of %s, demo and large register%n%s", path, table).isEqualTo(cost.statements()));
        // a manager's and an owner's questions read only their own rows, however large the register grows
        large.forEach((path, cost) -> {
            if (!path.startsWith("stab")) {
                assertThat(cost.activities()).as("activities read by %s%n%s", path, table)
                        .isEqualTo(demo.get(path).activities());
            }
        });
    }

    /**
     * Activities by reference (a reminder batch's, a chat command's near references) are read in one joined statement
     * and are the very views the whole-register read makes: goals, department, unit, owners and history alike.
     */
    @Test
    void activities_by_reference_are_the_whole_register_s_views_read_in_one_statement() throws Exception {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        Api stab = admin.withNewToken("stab", "STAB", null);
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
        addFinishedYear(stab);
        Map<String, ActivityView> whole = new java.util.HashMap<>();
        catalog.allUncached().forEach(view -> whole.put(view.ref(), view));
        java.util.Set<String> refs = new java.util.HashSet<>(whole.keySet());
        refs.add("KS2099-404");

        CountingDriver.start();
        Map<String, ActivityView> byRefs;
        List<String> executed;
        try {
            byRefs = catalog.byRefs(refs);
        } finally {
            executed = CountingDriver.stop();
        }
        assertThat(whole).hasSizeGreaterThan(FINISHED_YEAR);
        assertThat(whole.values()).anySatisfy(view -> assertThat(view.reports()).isNotEmpty())
                .anySatisfy(view -> assertThat(view.owners()).isNotEmpty());
        assertThat(byRefs).isEqualTo(whole);
        assertThat(executed.stream().filter(s -> !s.equals("COMMIT") && !s.equals("ROLLBACK"))).hasSize(1);
        String one = whole.keySet().iterator().next();
        assertThat(catalog.byRefs(List.of(one, one + " "))).as("as given, not trimmed").containsOnlyKeys(one)
                .containsEntry(one, whole.get(one));
    }

    /** Each chat command and query on this thread, for stab, a manager and an owner; no whole-register read. */
    private Map<String, Cost> measure() {
        Map<String, Cost> costs = new LinkedHashMap<>();
        for (String email : List.of(STAB, JOHAN, EMMA)) {
            String who = email.equals(STAB) ? "stab" : email.equals(JOHAN) ? "manager" : "owner";
            Optional<Caller> caller = callers.byEmail(email, "slack");
            assertThat(caller).isPresent();
            for (String line : List.of("försenade", "försenade Staben", "saknas", "saknas 2024-T1", "avvikelser",
                    "visa KS2024-7", "visa KS2024-0999", "status KS2024-9999 2", "mina", "hjälp")) {
                costs.put(who + " chat '" + line + "'", cost(() -> commands.handle(line, caller, Language.SV, Channel.SLACK)));
            }
            costs.put(who + " readable", cost(() -> queries.readable(caller.get(), null).toList()));
            costs.put(who + " readable Staben", cost(() -> queries.readable(caller.get(), "staben").toList()));
        }
        return costs;
    }

    private Cost cost(Runnable path) {
        CountingCatalog counting = (CountingCatalog) catalog;
        counting.reset();
        CountingDriver.start();
        path.run();
        List<String> executed = CountingDriver.stop();
        assertThat(counting.wholeReads()).as("whole-register reads").isZero();
        return new Cost((int) executed.stream().filter(s -> !s.equals("COMMIT") && !s.equals("ROLLBACK")).count(),
                counting.activitiesRead());
    }

    /** The HTTP lists and queries (served on another thread: activities read, no whole-register read). */
    private Map<String, Integer> overHttp(Api stab, Api johan, Api emma) {
        Map<String, Integer> read = new LinkedHashMap<>();
        CountingCatalog counting = (CountingCatalog) catalog;
        Map<String, Api> as = Map.of("stab", stab, "manager", johan, "owner", emma);
        for (String who : List.of("stab", "manager", "owner")) {
            for (String uri : List.of("/api/activities", "/api/activities?department=Staben&status=Ej%20p%C3%A5b%C3%B6rjad",
                    "/api/activities?overdueOn=2024-04-20&goal=3.1", "/api/activities/overdue?on=2024-04-20",
                    "/api/tertials/2024-T1/missing", "/api/tertials/2024-T1/deviations")) {
                counting.reset();
                assertThat(as.get(who).exchange(HttpRequest.GET(uri)).code()).as(who + " " + uri).isEqualTo(200);
                assertThat(counting.wholeReads()).as("whole-register reads of %s %s", who, uri).isZero();
                read.put(who + " GET " + uri, counting.activitiesRead());
            }
        }
        for (String uri : List.of("/api/goals", "/api/goals?year=2024")) {
            counting.reset();
            assertThat(stab.retrieve(uri, io.micronaut.core.type.Argument.listOf(Map.class))).isNotEmpty();
            assertThat(counting.wholeReads()).as("whole-register reads of %s", uri).isZero();
            read.put("stab GET " + uri, counting.activitiesRead());
        }
        return read;
    }

    /** A finished year: activities of 2023 in Ekonomiavdelningen, each reported completed for 2023-T3. */
    private void addFinishedYear(Api stab) throws Exception {
        StringBuilder csv = new StringBuilder("ref,kf_goal_ref,kf_goal,ks_goal_ref,ks_goal,goal_area,title,description,"
                + "start_date,end_date,department,unit,owner_email\n");
        for (int i = 1; i <= FINISHED_YEAR; i++) {
            csv.append("KS2023-").append(String.format("%04d", 1000 + i))
                    .append(",3.1,Ånge kommun ska vara en attraktiv arbetsgivare.,3.1.").append(1 + i % 3)
                    .append(",Ett KS-mål 2023.,Vuxna,Aktivitet ").append(i).append(" 2023,Beskrivning,")
                    .append("2023-01-15,2023-10-31,Ekonomiavdelningen,,anders.lund@ange.example\n");
        }
        assertThat(stab.postCsv("/api/import/activities", csv.toString()).code()).isEqualTo(200);
        try (Connection connection = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection()) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO status_report (activity_id, tertial,"
                    + " status, comment, reported_by, channel, received_at) SELECT id, '2023-T3', 'AVSLUTAD_ENLIGT_PLAN',"
                    + " 'Klar', 'anders.lund@ange.example', 'WEB', ? FROM activity WHERE ref LIKE 'KS2023-%'");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE activity SET status = 'AVSLUTAD_ENLIGT_PLAN' WHERE ref LIKE 'KS2023-%'")) {
                insert.setObject(1, OffsetDateTime.parse("2023-12-20T10:00:00+01:00"));
                assertThat(insert.executeUpdate()).isEqualTo(FINISHED_YEAR);
                update.executeUpdate();
            } finally {
                connection.setAutoCommit(auto);
            }
        }
    }
}
