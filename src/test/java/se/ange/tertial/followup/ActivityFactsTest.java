package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which tertials an activity belongs to: from its planned start, and also in a tertial it was reported for
 * before that start (seed 001: a T1 status for an activity planned from September). Who must report is not
 * changed by such a report.
 */
class ActivityFactsTest {

    static final Tertial T1 = Tertial.parse("2024-T1");
    static final Tertial T2 = Tertial.parse("2024-T2");
    static final Tertial T3 = Tertial.parse("2024-T3");
    static final LocalDate SEPTEMBER = LocalDate.of(2024, 9, 1);

    static ReportFact report(Tertial tertial, Status status) {
        return new ReportFact(tertial, status, "kommentar", Instant.parse("2024-04-25T10:00:00Z"));
    }

    static ActivityFacts planned(LocalDate start, ReportFact... reports) {
        return new ActivityFacts("KS2024-045", start, LocalDate.of(2024, 10, 31), List.of(reports));
    }

    @Test
    void without_reports_an_activity_belongs_to_the_tertials_from_its_planned_start() {
        ActivityFacts facts = planned(SEPTEMBER);
        assertThat(facts.isActiveIn(T1)).isFalse();
        assertThat(facts.isActiveIn(T2)).isFalse();
        assertThat(facts.isActiveIn(T3)).isTrue();
        assertThat(facts.mustReportFor(T1)).isFalse();
        assertThat(facts.mustReportFor(T3)).isTrue();
    }

    @Test
    void a_report_before_the_planned_start_puts_the_activity_in_that_tertial_only() {
        ActivityFacts facts = planned(SEPTEMBER, report(T1, Status.PAGAENDE_ENLIGT_PLAN));
        assertThat(facts.isActiveIn(T1)).isTrue();
        assertThat(facts.isActiveIn(T2)).as("not reported for T2 and planned later").isFalse();
        assertThat(facts.isActiveIn(T3)).isTrue();
        assertThat(facts.currentStatus()).contains(Status.PAGAENDE_ENLIGT_PLAN);
    }

    @Test
    void an_early_report_does_not_make_anyone_be_asked_before_the_planned_start() {
        ActivityFacts facts = planned(SEPTEMBER, report(T1, Status.PAGAENDE_ENLIGT_PLAN));
        assertThat(facts.mustReportFor(T1)).as("reported").isFalse();
        assertThat(facts.mustReportFor(T2)).as("planned from September").isFalse();
        assertThat(facts.mustReportFor(T3)).isTrue();
    }

    @Test
    void an_activity_completed_early_is_in_the_tertial_it_was_completed_and_not_after() {
        ActivityFacts facts = planned(SEPTEMBER, report(T1, Status.AVSLUTAD_ENLIGT_PLAN));
        assertThat(facts.isActiveIn(T1)).isTrue();
        assertThat(facts.isActiveIn(T3)).isFalse();
        assertThat(facts.mustReportFor(T3)).isFalse();
    }

    @Test
    void a_report_for_another_tertial_does_not_count_and_the_plan_year_limit_still_holds() {
        Tertial nextT1 = Tertial.parse("2025-T1");
        ActivityFacts reportedNextYear = new ActivityFacts("KS2024-045", LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 10, 31), List.of(report(nextT1, Status.PAGAENDE_ENLIGT_PLAN)), 2024);
        assertThat(reportedNextYear.isActiveIn(nextT1)).as("followed up as its copy in 2025").isFalse();
        ActivityFacts reportedT2 = planned(SEPTEMBER, report(T2, Status.PAGAENDE_ENLIGT_PLAN));
        assertThat(reportedT2.isActiveIn(T1)).isFalse();
        assertThat(reportedT2.isActiveIn(T2)).isTrue();
    }
}
