package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AskedTertialTest {

    private final AskedTertial asked = Rules.ASKED;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // T1 2024 closes Tuesday 30 April; 30 March is påskafton, 29 March Långfredag: first reminder 28 March
            "2024-03-27, 2023-T3",
            "2024-03-28, 2024-T1",
            "2024-04-30, 2024-T1",
            // after the close, the escalation and late reports still concern T1
            "2024-05-06, 2024-T1",
            // T2 closes 31 August; its first reminder moves out of quiet July to Friday 28 June
            "2024-06-27, 2024-T1",
            "2024-06-28, 2024-T2",
            "2024-07-15, 2024-T2",
            "2024-09-04, 2024-T2",
            // T3 2026: 30 November is a Monday, the first reminder a month before 31 December
            "2026-11-27, 2026-T2",
            "2026-11-30, 2026-T3",
            "2027-01-12, 2026-T3",
            "2027-03-30, 2027-T1",
    })
    void the_asked_tertial_starts_with_its_first_reminder(String date, String expected) {
        assertThat(asked.on(LocalDate.parse(date))).hasToString(expected);
    }

    @Test
    void one_instance_answers_each_day_on_its_own_whatever_it_was_asked_before() {
        AskedTertial fresh = new AskedTertial(Rules.CALENDAR);
        assertThat(fresh.on(LocalDate.parse("2024-03-28"))).isEqualTo(Tertial.parse("2024-T1"));
        assertThat(fresh.on(LocalDate.parse("2024-03-28"))).isEqualTo(Tertial.parse("2024-T1"));
        assertThat(fresh.on(LocalDate.parse("2024-06-28"))).isEqualTo(Tertial.parse("2024-T2"));
        assertThat(fresh.on(LocalDate.parse("2024-03-28"))).isEqualTo(Tertial.parse("2024-T1"));
    }

    @Test
    void on_every_day_a_reminder_for_a_tertial_goes_out_that_tertial_is_the_asked_one() {
        for (int year = 2024; year <= 2030; year++) {
            for (int number = 1; number <= 3; number++) {
                Tertial tertial = new Tertial(year, number);
                for (ReminderCalendar.Step step : ReminderCalendar.Step.values()) {
                    LocalDate day = Rules.CALENDAR.tertialReminder(tertial, step);
                    assertThat(asked.on(day)).as("%s %s on %s", tertial, step, day).isEqualTo(tertial);
                }
                LocalDate escalation = Rules.CALENDAR.escalation(tertial);
                assertThat(asked.on(escalation)).as("escalation of %s", tertial).isEqualTo(tertial);
                assertThat(asked.on(Rules.CALENDAR.tertialReminder(tertial, ReminderCalendar.Step.FIRST).minusDays(1)))
                        .isEqualTo(tertial.previous());
            }
        }
    }

    @Test
    void a_first_reminder_that_would_come_before_its_tertial_begins_is_refused() {
        ReminderPolicy early = new ReminderPolicy(Period.ofMonths(5), Period.ofDays(7), 3, Period.ofDays(7),
                null, null);
        assertThatThrownBy(() -> new ReminderCalendar(date -> true, early))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-T");
        // T2's first reminder a month early, moved out of a quiet July, still comes within T2
        new ReminderCalendar(date -> true, ReminderPolicy.DEFAULT);
    }

    @Test
    void a_quiet_period_longer_than_three_months_is_refused() {
        assertThatThrownBy(() -> new ReminderPolicy(Period.ofMonths(1), Period.ofDays(7), 3, Period.ofDays(7),
                MonthDay.of(1, 1), MonthDay.of(12, 31))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(Period.ofMonths(1), Period.ofDays(7), 3, Period.ofDays(7),
                MonthDay.of(8, 1), MonthDay.of(7, 31))).isInstanceOf(IllegalArgumentException.class);
        new ReminderPolicy(Period.ofMonths(1), Period.ofDays(7), 3, Period.ofDays(7), MonthDay.of(12, 20), MonthDay.of(1, 6));
    }

    @Test
    void the_first_tertial_there_is_asks_about_itself() {
        assertThat(asked.on(LocalDate.parse("1900-01-15"))).hasToString("1900-T1");
    }

    @Test
    void an_activity_with_no_part_in_the_asked_tertial_reports_for_the_tertial_of_the_date() {
        LocalDate june10 = LocalDate.parse("2024-06-10");
        ActivityFacts startsInMay = new ActivityFacts("KS2024-050", LocalDate.parse("2024-05-15"),
                LocalDate.parse("2024-12-31"), List.of());
        ActivityFacts ongoing = new ActivityFacts("KS2024-051", LocalDate.parse("2024-01-15"),
                LocalDate.parse("2024-12-31"), List.of());
        assertThat(asked.on(june10)).hasToString("2024-T1");
        assertThat(asked.forActivity(june10, ongoing)).hasToString("2024-T1");
        assertThat(asked.forActivity(june10, startsInMay)).hasToString("2024-T2");
    }

    @Test
    void reminder_periods_must_not_be_negative() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReminderPolicy(Period.ofDays(-1), Period.ofDays(7),
                        3, Period.ofDays(7), MonthDay.of(7, 1), MonthDay.of(7, 31)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
