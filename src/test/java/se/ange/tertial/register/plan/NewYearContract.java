package se.ange.tertial.register.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/** Opening 2025 from the 2024 plan, against H2 and PostgreSQL by the two subclasses. */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class NewYearContract {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    Api admin;
    Api stab;

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        stab = admin.withNewToken("stab", "STAB", null);
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
    }

    @Test
    void copying_2024_into_2025_copies_goals_measures_and_unfinished_activities_once() {
        assertThat(stab.postJson("/api/goals/2024/3.1.1/measures", Map.of("name", "Sjukfrånvaro (%)", "unit", "%",
                "outcome", 12.49, "asOf", "2023-09-30")).code()).isEqualTo(201);
        report("KS2024-001", "Avslutad enligt plan");
        report("KS2024-031", "Avslutad med avvikelse");
        report("KS2024-002", "Pågående med avvikelse");
        List<Map> goals2024 = stab.retrieve("/api/goals?year=2024", Argument.listOf(Map.class));
        int kf = goals2024.size();
        int ks = goals2024.stream().mapToInt(g -> ((List) g.get("goals")).size()).sum();
        int auditBefore = auditRows();

        Map first = body(stab.postJson("/api/plans/2024/copy?to=2025", Map.of()));

        assertThat(first).containsEntry("from", 2024).containsEntry("to", 2025).containsEntry("completedNotCopied", 2);
        assertThat(first.get("goals")).isEqualTo(Map.of("copied", kf + ks, "alreadyThere", 0));
        assertThat(first.get("measures")).isEqualTo(Map.of("copied", 1, "alreadyThere", 0));
        assertThat(first.get("activities")).isEqualTo(Map.of("copied", 77, "alreadyThere", 0));
        List<Map> copied = (List<Map>) first.get("copied");
        Map<String, Map> byOrigin = copied.stream().collect(Collectors.toMap(c -> (String) c.get("from"), c -> c));
        assertThat(byOrigin).hasSize(77).doesNotContainKeys("KS2024-001", "KS2024-031").containsKeys("KS2024-002");
        assertThat(copied).extracting(c -> (String) c.get("ref")).allMatch(ref -> ref.matches("KS2025-\\d{3}"))
                .doesNotHaveDuplicates().contains("KS2025-001", "KS2025-077");

        // the goal hierarchy is there for 2025, the measure without its 2023 baseline
        List<Map> goals2025 = stab.retrieve("/api/goals?year=2025", Argument.listOf(Map.class));
        assertThat(goals2025).extracting(g -> g.get("ref")).containsExactlyElementsOf(
                goals2024.stream().map(g -> g.get("ref")).toList());
        Map ks311 = ((List<Map>) goals2025.stream().filter(g -> g.get("ref").equals("3.1")).findFirst().orElseThrow()
                .get("goals")).stream().filter(g -> g.get("ref").equals("3.1.1")).findFirst().orElseThrow();
        assertThat((List<Map>) ks311.get("measures")).singleElement().satisfies(m -> {
            assertThat(m.get("name")).isEqualTo("Sjukfrånvaro (%)");
            assertThat(m.get("baseline")).isNull();
            assertThat(m.get("baselineAsOf")).isNull();
        });

        // a copy: new ref, same owners and organisation, no status, dates moved into 2025
        String copyOf002 = (String) byOrigin.get("KS2024-002").get("ref");
        Map original = (Map) body(stab.get("/api/activities/KS2024-002")).get("activity");
        Map copy = body(stab.get("/api/activities/" + copyOf002));
        Map summary = (Map) copy.get("activity");
        assertThat(summary.get("title")).isEqualTo(original.get("title"));
        assertThat(summary.get("owners")).isEqualTo(original.get("owners"));
        assertThat(summary.get("department")).isEqualTo("Staben");
        assertThat(summary.get("unit")).isEqualTo(original.get("unit"));
        assertThat(summary.get("goal")).isEqualTo("3.1.1");
        assertThat(summary.get("status")).isNull();
        assertThat((List) copy.get("history")).isEmpty();
        assertThat(summary.get("startDate")).isEqualTo("2025-01-01");
        assertThat(summary.get("endDate")).isEqualTo("2025-12-31");
        assertThat(byOrigin.get("KS2024-002").get("endDateToSet")).isEqualTo(true);
        assertThat((String) copy.get("description")).contains("Kopierad från KS2024-002 (plan 2024)")
                .contains("Slutdatum att fastställa (var 2024-10-31)");
        // an end date in the new year is kept
        Map spanning = byOrigin.get("KS2024-033");
        assertThat(spanning).containsEntry("startDate", "2025-01-01").containsEntry("endDate", "2025-06-30")
                .containsEntry("endDateToSet", false);

        // audited: one row per new activity and one for the copy
        List<Map> audit = stab.retrieve("/api/audit", Argument.listOf(Map.class));
        assertThat(audit.size() - auditBefore).isEqualTo(77 + 1);
        assertThat(audit).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("plan.copied");
            assertThat(row.get("actor")).isEqualTo("stab");
        });
        assertThat(audit).filteredOn(row -> "activity.created".equals(row.get("action"))
                && ("activity:" + copyOf002).equals(row.get("subject"))).hasSize(1);

        // again: nothing new
        Map second = body(stab.postJson("/api/plans/2024/copy?to=2025", Map.of()));
        assertThat(second.get("goals")).isEqualTo(Map.of("copied", 0, "alreadyThere", kf + ks));
        assertThat(second.get("measures")).isEqualTo(Map.of("copied", 0, "alreadyThere", 1));
        assertThat(second.get("activities")).isEqualTo(Map.of("copied", 0, "alreadyThere", 77));
        assertThat((List) second.get("copied")).isEmpty();
        assertThat(body(stab.get("/api/activities?size=1")).get("total")).isEqualTo(79 + 77);
        assertThat(auditRows()).isEqualTo(audit.size());
    }

    @Test
    void after_the_copy_the_new_year_chases_only_the_copies_never_the_originals_too() {
        List<String> before = remindedOn("2025-03-28");
        assertThat(before).anyMatch(ref -> ref.startsWith("KS2024-")); // unfinished 2024 work, before any copy

        stab.postJson("/api/plans/2024/copy?to=2025", Map.of());

        List<String> after = remindedOn("2025-03-28");
        assertThat(after).isNotEmpty().allMatch(ref -> ref.startsWith("KS2025-"));
        List<Map> deviations = (List<Map>) body(stab.get("/api/tertials/2025-T1/deviations")).get("items");
        assertThat(deviations).extracting(d -> (String) ((Map) d.get("activity")).get("ref")).isNotEmpty().allMatch(ref -> ref.startsWith("KS2025-"));
        // 2024 itself is followed up as before
        assertThat(remindedOn("2024-11-29")).anyMatch(ref -> ref.startsWith("KS2024-"));
    }

    @Test
    void two_copies_at_once_make_one_new_year_and_neither_fails_with_an_error() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> stab.postJson("/api/plans/2024/copy?to=2025", Map.of()).code());
            var second = pool.submit(() -> stab.postJson("/api/plans/2024/copy?to=2025", Map.of()).code());
            assertThat(List.of(first.get(), second.get())).allMatch(code -> code == 200 || code == 409).contains(200);
        } finally {
            pool.shutdown();
        }
        // nothing completed in this test: all 79 are copied, once
        List<Map> all = (List<Map>) body(stab.get("/api/activities?size=500")).get("items");
        assertThat(all).filteredOn(a -> ((String) a.get("ref")).startsWith("KS2025-")).hasSize(79)
                .extracting(a -> a.get("title")).doesNotHaveDuplicates();
    }

    private List<String> remindedOn(String day) {
        List<Map> items = (List<Map>) body(stab.get("/api/reminders/preview?on=" + day)).get("items");
        return items.stream().flatMap(item -> ((List<String>) item.get("activities")).stream()).distinct().toList();
    }

    @Test
    void a_second_run_copies_only_what_is_new_with_the_next_free_ref() {
        Map first = body(stab.postJson("/api/plans/2024/copy", Map.of()));   // "to" defaults to the next year
        assertThat(first).containsEntry("to", 2025);
        assertThat(first.get("activities")).isEqualTo(Map.of("copied", 79, "alreadyThere", 0));
        report("KS2024-004", "Avslutad enligt plan");   // completed after it was copied: stays copied
        String extra = Fixtures.plan2024().lines().filter(l -> l.startsWith("ref,") || l.startsWith("KS2024-002,"))
                .map(l -> l.replace("KS2024-002,", "KS2024-080,")).collect(Collectors.joining("\n"));
        assertThat(stab.postCsv("/api/import/activities", extra).code()).isEqualTo(200);

        Map second = body(stab.postJson("/api/plans/2024/copy?to=2025", Map.of()));

        assertThat(second.get("activities")).isEqualTo(Map.of("copied", 1, "alreadyThere", 79));
        assertThat(second).containsEntry("completedNotCopied", 0);
        assertThat((List<Map>) second.get("copied")).singleElement().satisfies(c -> {
            assertThat(c.get("from")).isEqualTo("KS2024-080");
            assertThat(c.get("ref")).isEqualTo("KS2025-080");
        });
        assertThat(body(stab.get("/api/activities?size=1")).get("total")).isEqualTo(80 + 80);
    }

    @Test
    void only_stab_opens_a_new_year_and_only_into_the_next() {
        Api manager = admin.withNewToken("johan", "MANAGER", "johan.nordin@ange.example");
        Api owner = admin.withNewToken("emma", "OWNER", "emma.berglund@ange.example");
        assertThat(manager.postJson("/api/plans/2024/copy?to=2025", Map.of()).code()).isEqualTo(403);
        assertThat(owner.postJson("/api/plans/2024/copy?to=2025", Map.of()).code()).isEqualTo(403);
        assertThat(admin.postJson("/api/plans/2024/copy?to=2025", Map.of()).code()).isEqualTo(403);
        HttpResponse<Map> skip = stab.postJson("/api/plans/2024/copy?to=2026", Map.of());
        assertThat(skip.code()).isEqualTo(422);
        assertThat(body(skip).get("detail").toString()).contains("to=2025");
        assertThat(stab.postJson("/api/plans/2019/copy", Map.of()).code()).isEqualTo(404);
        Set<Object> years = stab.retrieve("/api/goals", Argument.listOf(Map.class)).stream()
                .map(g -> g.get("year")).collect(Collectors.toSet());
        assertThat(years).containsExactly(2024);
    }

    private void report(String ref, String status) {
        assertThat(stab.postJson("/api/activities/" + ref + "/reports", Map.of("tertial", "2024-T1", "status", status,
                "comment", "Rapport")).code()).isEqualTo(201);
    }

    private int auditRows() {
        return stab.retrieve("/api/audit", Argument.listOf(Map.class)).size();
    }
}
