package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TertialCalendarTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private static TertialCalendar calendarAt(String localDateTime) {
        Instant instant = ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), STOCKHOLM).toInstant();
        return new TertialCalendar(Clock.fixed(instant, STOCKHOLM));
    }

    @Test
    void the_last_minute_of_30_april_in_stockholm_is_still_t1_and_midnight_is_t2() {
        assertThat(calendarAt("2024-04-30T23:59:59").current()).isEqualTo(new Tertial(2024, 1));
        assertThat(calendarAt("2024-05-01T00:00:00").current()).isEqualTo(new Tertial(2024, 2));
    }

    @Test
    void the_tertial_follows_stockholm_time_not_utc() {
        // 22:30 UTC on 30 April is already 00:30 on 1 May in Stockholm (CEST, UTC+2)
        Instant lateUtc = Instant.parse("2024-04-30T22:30:00Z");
        TertialCalendar calendar = new TertialCalendar(Clock.fixed(lateUtc, STOCKHOLM));
        assertThat(calendar.current()).isEqualTo(Tertial.parse("2024-T2"));
        assertThat(calendar.tertialOf(ZonedDateTime.parse("2024-04-30T21:59:00Z"))).isEqualTo(Tertial.parse("2024-T1"));
        assertThat(calendar.tertialOf(ZonedDateTime.parse("2024-04-30T22:00:00Z"))).isEqualTo(Tertial.parse("2024-T2"));
    }

    @Test
    void leap_day_belongs_to_t1_which_still_closes_30_april() {
        assertThat(Tertial.containing(LocalDate.of(2024, 2, 29))).isEqualTo(new Tertial(2024, 1));
        assertThat(new Tertial(2024, 1).closingDate()).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(calendarAt("2024-02-29T12:00").nextClose()).isEqualTo(LocalDate.of(2024, 4, 30));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-T1, 2024-01-01, 2024-04-30",
        "2024-T2, 2024-05-01, 2024-08-31",
        "2024-T3, 2024-09-01, 2024-12-31"})
    void each_tertial_has_its_period_and_close(String id, LocalDate first, LocalDate close) {
        Tertial tertial = Tertial.parse(id);
        assertThat(tertial.firstDay()).isEqualTo(first);
        assertThat(tertial.closingDate()).isEqualTo(close);
        assertThat(tertial.contains(close)).isTrue();
        assertThat(tertial.contains(close.plusDays(1))).isFalse();
        assertThat(tertial.toString()).isEqualTo(id);
    }

    @Test
    void next_and_previous_cross_the_year() {
        assertThat(Tertial.parse("2024-T3").next()).isEqualTo(Tertial.parse("2025-T1"));
        assertThat(Tertial.parse("2025-T1").previous()).isEqualTo(Tertial.parse("2024-T3"));
    }

    @Test
    void the_next_close_on_a_closing_day_is_that_day_and_the_day_after_is_the_following_close() {
        assertThat(calendarAt("2024-12-31T08:00").nextClose()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(calendarAt("2025-01-01T08:00").nextClose()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(calendarAt("2025-01-01T08:00").lastClosed()).isEqualTo(Tertial.parse("2024-T3"));
    }

    @Test
    void malformed_tertials_are_rejected_with_the_expected_shape() {
        assertThatThrownBy(() -> Tertial.parse("2024-T4")).hasMessageContaining("2024-T1");
        assertThatThrownBy(() -> Tertial.parse("T1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Tertial.parse("2024-t2")).isEqualTo(new Tertial(2024, 2));
    }

    @Test
    void an_activity_spanning_years_is_active_in_every_tertial_until_completed() {
        LocalDate start = LocalDate.of(2023, 4, 1);
        List<ReportFact> reports = List.of(
                report("2023-T2", Status.PAGAENDE_ENLIGT_PLAN),
                report("2024-T3", Status.AVSLUTAD_ENLIGT_PLAN));
        assertThat(TertialCalendar.isActiveIn(Tertial.parse("2023-T1"), start, reports)).isTrue();
        assertThat(TertialCalendar.isActiveIn(Tertial.parse("2024-T1"), start, reports)).isTrue();
        assertThat(TertialCalendar.isActiveIn(Tertial.parse("2024-T3"), start, reports)).isTrue();
        assertThat(TertialCalendar.isActiveIn(Tertial.parse("2025-T1"), start, reports)).isFalse();
    }

    @Test
    void an_activity_starting_after_the_close_is_not_active_but_one_starting_on_the_close_is() {
        assertThat(TertialCalendar.isActiveIn(Tertial.parse("2024-T1"), LocalDate.of(2024, 5, 1), List.of())).isFalse();
        assertThat(TertialCalendar.isActiveIn(Tertial.parse("2024-T1"), LocalDate.of(2024, 4, 30), List.of())).isTrue();
    }

    static ReportFact report(String tertial, Status status) {
        Tertial t = Tertial.parse(tertial);
        return new ReportFact(t, status, "kommentar", t.closingDate().atStartOfDay(STOCKHOLM).toInstant());
    }
}
