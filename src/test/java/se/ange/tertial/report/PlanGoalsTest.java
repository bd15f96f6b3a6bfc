package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PlanGoalsTest {

    static GoalNames goal(String ref, String title, String area, String kfRef, String kfTitle) {
        return new GoalNames(2L, 2024, ref, title, area, 1L, kfRef, kfTitle);
    }

    @Test
    void the_economy_goal_is_named_by_its_area_whatever_the_case_and_spacing() {
        assertThat(PlanGoals.isEconomy(goal("4.1.1", "Sjukfrånvaron ska minska", " god  ekonomisk Hushållning",
                "4.1", "Ekonomi"))).isTrue();
        assertThat(PlanGoals.isEconomy(goal("3.1.1", "Hälsofrämjande arbetsplatser.", "Vuxna", "3.1",
                "Attraktiv arbetsgivare"))).isFalse();
    }

    @Test
    void without_an_area_the_economy_goal_is_a_kf_goal_that_is_its_own_ks_goal() {
        // the fixture's 4.1: same reference, same title but for case and the closing full stop
        assertThat(PlanGoals.isEconomy(goal("4.1", "Sjukfrånvaron ska minska.", null, "4.1",
                "sjukfrånvaron ska minska"))).isTrue();
        assertThat(PlanGoals.isEconomy(goal("4.1.1", "Sjukfrånvaron ska minska", null, "4.1",
                "Sjukfrånvaron ska minska"))).as("another reference").isFalse();
        assertThat(PlanGoals.isEconomy(goal("4.1", "Sjukfrånvaron ska minska", null, "4.1",
                "Ekonomi i balans"))).as("another title").isFalse();
        assertThat(PlanGoals.isEconomy(goal("4.1", "Sjukfrånvaron ska minska", "Vuxna", "4.1",
                "Sjukfrånvaron ska minska"))).as("an area other than the economy's").isFalse();
    }

    @Test
    void areas_follow_the_seeds_order_then_any_other_alphabetically() {
        assertThat(Stream.of("Tillväxt", "Kultur", "Idrott", "äldre +65", "Vuxna", "Barn och Unga")
                .sorted(PlanGoals.areaOrder()))
                .containsExactly("Barn och Unga", "Vuxna", "äldre +65", "Tillväxt", "Idrott", "Kultur");
        assertThat(PlanGoals.areaOrder().compare("Kultur", "Idrott")).isPositive();
        assertThat(PlanGoals.areaOrder().compare("Kultur", "kultur")).isZero();
    }
}
