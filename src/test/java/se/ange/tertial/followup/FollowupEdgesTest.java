package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The domain's edges that PIT found untested: ranges, order, a missing start date, labels. */
class FollowupEdgesTest {

    @Test
    void a_tertial_year_is_1900_to_9999() {
        assertThat(new Tertial(1900, 1).year()).isEqualTo(1900);
        assertThat(new Tertial(9999, 3).year()).isEqualTo(9999);
        assertThatThrownBy(() -> new Tertial(1899, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tertial(10000, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_tertial_is_after_only_the_earlier_ones() {
        assertThat(Tertial.parse("2024-T2").isAfter(Tertial.parse("2024-T1"))).isTrue();
        assertThat(Tertial.parse("2024-T2").isAfter(Tertial.parse("2024-T2"))).isFalse();
        assertThat(Tertial.parse("2024-T2").isAfter(Tertial.parse("2025-T1"))).isFalse();
    }

    @Test
    void the_closing_window_is_0_to_120_days() {
        ZoneId zone = ZoneId.of("Europe/Stockholm");
        assertThat(new DeviationRules(0, zone, Rules.ASKED)).isNotNull();
        assertThat(new DeviationRules(120, zone, Rules.ASKED)).isNotNull();
        assertThatThrownBy(() -> new DeviationRules(-1, zone, Rules.ASKED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviationRules(121, zone, Rules.ASKED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_activity_without_a_start_date_counts_as_started_and_owes_its_report() {
        ActivityFacts noStart = new ActivityFacts("KS2024-001", null, LocalDate.parse("2024-12-31"), List.of());

        assertThat(Rules.deviations().deviationsOn(noStart, LocalDate.parse("2024-04-15")))
                .extracting(Deviation::kind).containsExactly(DeviationKind.MISSING_REPORT);
    }

    @Test
    void labels_are_in_the_language_asked_for() {
        assertThat(Status.VANTELAGE.swedish()).isEqualTo("Vänteläge");
        assertThat(Status.VANTELAGE.english()).isEqualTo("On hold");
        assertThat(DeviationKind.OVERDUE.label(Language.SV)).isEqualTo("Försenad: slutdatum passerat");
        assertThat(DeviationKind.OVERDUE.label(Language.EN)).isEqualTo("Overdue: end date passed");
        assertThat(GoalAssessment.UPPFYLLD.label(Language.SV)).isNotEqualTo(GoalAssessment.UPPFYLLD.label(Language.EN))
                .isNotBlank();
    }
}
