package se.ange.tertial.followup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** What a reminder policy accepts (a quiet period of at most three months, escalation at least a day after) and its calendar. */
class ReminderPolicyTest {

    private static ReminderPolicy policy(Period firstBefore, int escalation, MonthDay quietFrom, MonthDay quietTo) {
        return new ReminderPolicy(firstBefore, Period.ofDays(7), escalation, Period.ofDays(7), quietFrom, quietTo);
    }

    @Test
    void the_quiet_period_may_be_92_days_and_no_more() {
        // 1 June – 31 August is 92 days; to 1 September 93
        assertThatCode(() -> policy(Period.ofMonths(1), 3, MonthDay.of(6, 1), MonthDay.of(8, 31))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy(Period.ofMonths(1), 3, MonthDay.of(6, 1), MonthDay.of(9, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        // across the new year: 1 November – 31 January is 92 days
        assertThatCode(() -> policy(Period.ofMonths(1), 3, MonthDay.of(11, 1), MonthDay.of(1, 31))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy(Period.ofMonths(1), 3, MonthDay.of(11, 1), MonthDay.of(2, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void managers_are_reminded_at_least_one_working_day_after_the_close() {
        assertThat(policy(Period.ofMonths(1), 1, MonthDay.of(7, 1), MonthDay.of(7, 31)).escalationWorkingDaysAfter()).isEqualTo(1);
        assertThatThrownBy(() -> policy(Period.ofMonths(1), 0, MonthDay.of(7, 1), MonthDay.of(7, 31)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_first_reminder_pushed_before_the_third_tertial_by_the_quiet_period_is_refused() {
        // 30 September is three months before 31 December; quiet in September, it would come on 30 August, in T2
        ReminderPolicy quietSeptember = policy(Period.ofMonths(3), 3, MonthDay.of(9, 1), MonthDay.of(9, 30));
        assertThatThrownBy(() -> new ReminderCalendar(date -> true, quietSeptember))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-T3");
    }

    @Test
    void a_working_day_is_neither_a_day_off_nor_in_the_quiet_period() {
        ReminderCalendar calendar = new ReminderCalendar(date -> date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY, ReminderPolicy.DEFAULT);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2024-06-10"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2024-06-15"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2024-07-10"))).isFalse();
    }
}
