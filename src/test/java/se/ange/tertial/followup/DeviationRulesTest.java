package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.followup.DeviationKind.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviationRulesTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private final DeviationRules rules = Rules.deviations();

    private static ActivityFacts activity(String start, String end, ReportFact... reports) {
        return new ActivityFacts("KS2024-001", LocalDate.parse(start), LocalDate.parse(end), List.of(reports));
    }

    private static ReportFact report(String tertial, Status status, String comment, String receivedOn) {
        return new ReportFact(Tertial.parse(tertial), status, comment,
                LocalDate.parse(receivedOn).atTime(10, 0).atZone(STOCKHOLM).toInstant());
    }

    private List<DeviationKind> kinds(ActivityFacts activity, String date) {
        return rules.deviationsOn(activity, LocalDate.parse(date)).stream().map(Deviation::kind).toList();
    }

    @Test
    void a_missing_report_is_a_deviation_for_the_asked_tertial_only_and_from_the_window() {
        ActivityFacts unreported = activity("2024-01-01", "2025-12-31");
        // 2026: first T3 reminder 30 November asks for T3; T3's window opens 3 December (28 days before 31 December)
        ActivityFacts late = new ActivityFacts("KS2026-001", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"), List.of());
        assertThat(rules.deviationsOn(late, LocalDate.parse("2026-11-27"))).extracting(Deviation::tertial)
                .containsExactly(Tertial.parse("2026-T2"));
        assertThat(rules.deviationsOn(late, LocalDate.parse("2026-11-30"))).isEmpty();
        assertThat(rules.deviationsOn(late, LocalDate.parse("2026-12-02"))).isEmpty();
        assertThat(rules.deviationsOn(late, LocalDate.parse("2026-12-03"))).extracting(Deviation::tertial)
                .containsExactly(Tertial.parse("2026-T3"));
        // after the close, until the next tertial's first reminder, the last closed one stays missing
        assertThat(rules.deviationsOn(unreported, LocalDate.parse("2024-06-27"))).extracting(Deviation::tertial)
                .containsExactly(Tertial.parse("2024-T1"));
        assertThat(rules.deviationsOn(unreported, LocalDate.parse("2024-06-28"))).isEmpty();
        assertThat(rules.deviationsOn(unreported, LocalDate.parse("2024-08-03"))).extracting(Deviation::tertial)
                .containsExactly(Tertial.parse("2024-T2"));
    }

    @Test
    void an_activity_continued_in_next_years_plan_is_followed_up_only_until_its_own_year_ends() {
        ActivityFacts continued = new ActivityFacts("KS2024-033", LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-10-31"), List.of(), 2024);

        assertThat(rules.deviationsOn(continued, LocalDate.parse("2024-11-15"))).extracting(Deviation::kind)
                .contains(DeviationKind.OVERDUE);
        assertThat(continued.isActiveIn(Tertial.parse("2024-T3"))).isTrue();
        assertThat(continued.isActiveIn(Tertial.parse("2025-T1"))).isFalse();
        assertThat(continued.isOverdueOn(LocalDate.parse("2025-02-01"))).isFalse();
        assertThat(rules.deviationsOn(continued, LocalDate.parse("2025-04-15"))).isEmpty();
    }

    @Test
    void overdue_when_the_end_date_has_passed_and_it_is_not_completed() {
        ActivityFacts ongoing = activity("2024-01-01", "2024-01-31",
                report("2024-T1", Status.PAGAENDE_ENLIGT_PLAN, "nästan klar", "2024-04-20"));
        assertThat(kinds(ongoing, "2024-01-31")).doesNotContain(OVERDUE);
        assertThat(kinds(ongoing, "2024-02-01")).containsExactly(OVERDUE);
        ActivityFacts done = activity("2024-01-01", "2024-01-31",
                report("2024-T1", Status.AVSLUTAD_ENLIGT_PLAN, "klar", "2024-04-20"));
        assertThat(kinds(done, "2024-06-01")).isEmpty();
    }

    @Test
    void a_report_is_missing_for_the_closing_tertial_but_not_before_the_activity_starts() {
        ActivityFacts unreported = activity("2024-02-01", "2024-10-31");
        assertThat(kinds(unreported, "2024-04-15")).containsExactly(MISSING_REPORT);
        assertThat(rules.deviationsOn(unreported, LocalDate.parse("2024-04-15")).get(0).tertial())
                .isEqualTo(Tertial.parse("2024-T1"));
        assertThat(kinds(unreported, "2024-01-15")).isEmpty();
        ActivityFacts later = activity("2024-09-01", "2024-12-31");
        assertThat(kinds(later, "2024-05-15")).isEmpty();
    }

    @Test
    void a_report_for_the_closed_tertial_clears_the_missing_deviation() {
        ActivityFacts reported = activity("2024-02-01", "2024-10-31",
                report("2024-T1", Status.PAGAENDE_ENLIGT_PLAN, "", "2024-04-29"));
        assertThat(kinds(reported, "2024-05-10")).isEmpty();
        assertThat(kinds(reported, "2024-08-10")).containsExactly(MISSING_REPORT);
    }

    @Test
    void with_deviation_status_and_a_missing_comment_are_both_flagged() {
        ActivityFacts silent = activity("2024-01-01", "2024-12-31",
                report("2024-T1", Status.PAGAENDE_MED_AVVIKELSE, " ", "2024-04-29"));
        assertThat(kinds(silent, "2024-05-10")).containsExactly(WITH_DEVIATION, DEVIATION_WITHOUT_COMMENT);
        ActivityFacts explained = activity("2024-01-01", "2024-12-31",
                report("2024-T1", Status.PAGAENDE_MED_AVVIKELSE, "Sjukfrånvaro", "2024-04-29"));
        assertThat(kinds(explained, "2024-05-10")).containsExactly(WITH_DEVIATION);
    }

    @Test
    void not_started_after_the_start_date_is_a_deviation_only_when_reported_so() {
        ActivityFacts notStarted = activity("2024-02-01", "2024-12-31",
                report("2024-T1", Status.EJ_PABORJAD, "väntar", "2024-04-29"));
        assertThat(kinds(notStarted, "2024-05-10")).containsExactly(NOT_STARTED);
        ActivityFacts notYetDue = activity("2024-06-01", "2024-12-31",
                report("2024-T1", Status.EJ_PABORJAD, "startar i juni", "2024-04-29"));
        assertThat(kinds(notYetDue, "2024-05-10")).isEmpty();
    }

    @Test
    void on_hold_reports_since_the_first_of_an_unbroken_run() {
        ActivityFacts waiting = activity("2024-01-01", "2024-12-31",
                report("2024-T1", Status.PAGAENDE_ENLIGT_PLAN, "ok", "2024-03-01"),
                report("2024-T1", Status.VANTELAGE, "väntar på beslut", "2024-04-10"),
                report("2024-T2", Status.VANTELAGE, "väntar fortfarande", "2024-08-20"));
        List<Deviation> found = rules.deviationsOn(waiting, LocalDate.parse("2024-09-10"));
        assertThat(found).extracting(Deviation::kind).containsExactly(ON_HOLD);
        assertThat(found.get(0).since()).isEqualTo(LocalDate.parse("2024-04-10"));
    }

    @Test
    void the_latest_report_decides_the_current_status_even_when_received_out_of_order() {
        ActivityFacts corrected = activity("2024-01-01", "2024-12-31",
                report("2024-T2", Status.PAGAENDE_ENLIGT_PLAN, "ok", "2024-08-20"),
                report("2024-T1", Status.PAGAENDE_MED_AVVIKELSE, "sen rättelse", "2024-08-25"));
        assertThat(corrected.currentStatus()).contains(Status.PAGAENDE_ENLIGT_PLAN);
    }
}
