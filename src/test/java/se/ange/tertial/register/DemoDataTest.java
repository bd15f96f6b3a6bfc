package se.ange.tertial.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.ange.tertial.register.importer.ActivityPlanImport;
import se.ange.tertial.register.importer.PeopleImport;
import se.ange.tertial.support.Api;

/** The embedded default: an H2 file database under the data directory, the demo plan on first start only. */
@SuppressWarnings({"rawtypes", "unchecked"})
class DemoDataTest {

    @TempDir
    Path dataDir;

    private Map<String, Object> settings() {
        return Map.of("tertial.data-dir", dataDir.toString(), "tertial.demo-data", "true", "tertial.demo-year", "2024",
                "micronaut.server.port", "-1", "tertial.security.bootstrap-admin-token", Api.BOOTSTRAP_ADMIN);
    }

    /** As a newcomer runs it: the shipped configuration, not the test environment's in-memory database. */
    private static EmbeddedServer start(Map<String, Object> properties) {
        return ApplicationContext.builder().deduceEnvironment(false).properties(properties).run(EmbeddedServer.class);
    }

    @Test
    void first_start_loads_the_2024_plan_without_reports_and_a_restart_does_not_load_it_again() {
        int auditRows;
        try (EmbeddedServer server = start(settings());
             HttpClient client = HttpClient.create(server.getURL())) {
            Map page = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).retrieve("/api/activities?size=500", Argument.of(Map.class));
            assertThat(page.get("total")).isEqualTo(79);
            assertThat((List<Map>) page.get("items")).allSatisfy(a -> assertThat(a.get("status")).isNull());
            assertThat((List<Map>) page.get("items")).extracting(a -> a.get("ref")).contains("KS2024-007", "KS2024-079");
            List<Map> kf = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).retrieve("/api/goals", Argument.listOf(Map.class));
            assertThat(kf.stream().mapToInt(g -> ((List) g.get("goals")).size()).sum()).isEqualTo(20);
            auditRows = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).retrieve("/api/audit", Argument.listOf(Map.class)).size();
        }
        assertThat(dataDir.resolve("tertial.mv.db")).exists();

        try (EmbeddedServer server = start(settings());
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).retrieve("/api/activities?size=1", Argument.of(Map.class)).get("total")).isEqualTo(79);
            assertThat(new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).retrieve("/api/audit", Argument.listOf(Map.class))).hasSize(auditRows);
            // nothing to load: the imports were not even built on the way to healthy (issue 17)
            assertThat(server.getApplicationContext().getActiveBeanRegistrations(PeopleImport.class)).isEmpty();
            assertThat(server.getApplicationContext().getActiveBeanRegistrations(ActivityPlanImport.class)).isEmpty();
        }
    }

    @Test
    void the_demo_year_moves_the_plan_so_its_tertials_are_live() {
        Map<String, Object> moved = new HashMap<>(settings());
        moved.put("tertial.demo-year", "2026");
        try (EmbeddedServer server = start(moved);
             HttpClient client = HttpClient.create(server.getURL())) {
            Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
            Map page = admin.retrieve("/api/activities?size=500", Argument.of(Map.class));
            assertThat(page.get("total")).isEqualTo(79);
            assertThat((List<Map>) page.get("items")).extracting(a -> (String) a.get("ref"))
                    .allMatch(ref -> ref.startsWith("KS2026-")).contains("KS2026-007");
            String leapDay = admin.retrieve("/api/activities/KS2026-008", Argument.of(Map.class)).toString();
            assertThat(leapDay).contains("2026-02-28").contains("2026-08-31").doesNotContain("2024-");
            List<Map> kf = admin.retrieve("/api/goals?year=2026", Argument.listOf(Map.class));
            assertThat(kf.stream().mapToInt(g -> ((List) g.get("goals")).size()).sum()).isEqualTo(20);
            assertThat(admin.retrieve("/api/goals?year=2024", Argument.listOf(Map.class))).isEmpty();
            Map missing = admin.retrieve("/api/tertials/2026-T3/missing?size=500", Argument.of(Map.class));
            assertThat((List<Map>) missing.get("items")).extracting(a -> ((Map) a.get("activity")).get("ref")).contains("KS2026-007");
        }
    }

    @Test
    void without_a_demo_year_the_plan_is_this_years_and_has_activities_to_report_for_the_current_tertial() {
        Map<String, Object> unset = new HashMap<>(settings());
        unset.remove("tertial.demo-year");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        String tertial = today.getYear() + "-T" + ((today.getMonthValue() - 1) / 4 + 1);
        try (EmbeddedServer server = start(unset);
             HttpClient client = HttpClient.create(server.getURL())) {
            Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
            Map page = admin.retrieve("/api/activities?size=500", Argument.of(Map.class));
            assertThat((List<Map>) page.get("items")).extracting(a -> (String) a.get("ref"))
                    .allMatch(ref -> ref.startsWith("KS" + today.getYear() + "-"));
            Map missing = admin.retrieve("/api/tertials/" + tertial + "/missing?size=500", Argument.of(Map.class));
            assertThat((List<Map>) missing.get("items")).isNotEmpty();
        }
    }

    @Test
    void demo_data_can_be_switched_off() {
        Map<String, Object> off = new java.util.HashMap<>(settings());
        off.put("tertial.demo-data", "false");
        try (EmbeddedServer server = start(off);
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN).retrieve("/api/activities", Argument.of(Map.class)).get("total")).isEqualTo(0);
        }
    }
}
