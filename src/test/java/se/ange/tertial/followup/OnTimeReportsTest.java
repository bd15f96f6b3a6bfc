package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnTimeReportsTest {

    private static final Tertial T1 = new Tertial(2024, 1);
    private final OnTimeReports rule = new OnTimeReports(ZoneId.of("Europe/Stockholm"));

    private static ActivityFacts with(ReportFact... reports) {
        return new ActivityFacts("KS2024-001", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of(reports));
    }

    private static ReportFact report(Tertial tertial, String at) {
        return new ReportFact(tertial, Status.PAGAENDE_ENLIGT_PLAN, null, Instant.parse(at));
    }

    @Test
    void a_report_on_the_closing_day_in_sweden_is_on_time_even_when_it_is_the_next_day_in_utc() {
        assertThat(rule.reportedOnTime(with(report(T1, "2024-04-30T21:30:00Z")), T1)).isTrue(); // 23:30 in Stockholm
    }

    @Test
    void a_report_after_the_closing_day_in_sweden_is_late() {
        assertThat(rule.reportedOnTime(with(report(T1, "2024-04-30T22:30:00Z")), T1)).isFalse(); // 00:30 on 1 May
        assertThat(rule.reportedOnTime(with(report(T1, "2024-05-06T08:00:00Z")), T1)).isFalse();
    }

    @Test
    void a_late_correction_does_not_undo_an_earlier_report_on_time() {
        assertThat(rule.reportedOnTime(with(report(T1, "2024-04-10T08:00:00Z"), report(T1, "2024-05-06T08:00:00Z")), T1))
                .isTrue();
    }

    @Test
    void only_reports_for_that_tertial_count() {
        assertThat(rule.reportedOnTime(with(report(new Tertial(2023, 3), "2024-01-10T08:00:00Z")), T1)).isFalse();
        assertThat(rule.reportedOnTime(with(), T1)).isFalse();
    }
}
