package se.ange.tertial.register.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoPlanTest {

    private static final List<String> COLUMNS = ActivityPlanImport.COLUMNS;

    private static String seed() throws IOException {
        try (InputStream in = DemoPlanTest.class.getClassLoader().getResourceAsStream("demo/activity-plan-2024.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, CsvTable.Row> byRef(String csv) {
        return CsvTable.parse(csv, COLUMNS).rows().stream()
                .collect(Collectors.toMap(r -> r.get("ref"), Function.identity()));
    }

    @Test
    void the_seed_year_is_the_seed_exactly() throws IOException {
        assertThat(DemoPlan.inYear(seed(), 2024)).isEqualTo(seed());
    }

    @Test
    void another_year_moves_refs_and_dates_by_whole_years_and_keeps_every_other_field() throws IOException {
        Map<String, CsvTable.Row> seed = byRef(seed());
        Map<String, CsvTable.Row> moved = byRef(DemoPlan.inYear(seed(), 2026));

        assertThat(moved).hasSize(79).hasSameSizeAs(seed);
        assertThat(moved.keySet()).allMatch(ref -> ref.matches("KS2026-\\d{3}"));
        CsvTable.Row activity = moved.get("KS2026-007");
        assertThat(activity.get("start_date")).isEqualTo("2026-01-01");
        assertThat(activity.get("end_date")).isEqualTo("2026-12-31");
        // a start date before the plan year moves too (2023-05-15 → 2025-05-15), and one after it (2025-06-30)
        assertThat(moved.values()).extracting(r -> r.get("start_date")).contains("2025-05-15").doesNotContain("2023-05-15");
        assertThat(moved.values()).extracting(r -> r.get("end_date")).contains("2027-06-30");
        seed.forEach((ref, row) -> {
            CsvTable.Row copy = moved.get(ref.replace("KS2024-", "KS2026-"));
            for (String column : List.of("kf_goal_ref", "kf_goal", "ks_goal_ref", "ks_goal", "goal_area", "title",
                    "description", "department", "unit", "owner_email")) {
                assertThat(copy.get(column)).as(ref + " " + column).isEqualTo(row.get(column));
            }
        });
    }

    @Test
    void the_29th_of_february_becomes_the_28th_in_a_common_year_and_stays_in_a_leap_year() throws IOException {
        assertThat(byRef(seed()).get("KS2024-008").get("start_date")).isEqualTo("2024-02-29");
        assertThat(byRef(DemoPlan.inYear(seed(), 2027)).get("KS2027-008").get("start_date")).isEqualTo("2027-02-28");
        assertThat(byRef(DemoPlan.inYear(seed(), 2028)).get("KS2028-008").get("start_date")).isEqualTo("2028-02-29");
    }

    @Test
    void a_year_before_the_seed_moves_back() throws IOException {
        CsvTable.Row activity = byRef(DemoPlan.inYear(seed(), 2021)).get("KS2021-008");
        assertThat(activity.get("start_date")).isEqualTo("2021-02-28");
        assertThat(activity.get("end_date")).isEqualTo("2021-08-31");
    }
}
