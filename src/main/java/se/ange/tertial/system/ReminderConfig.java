package se.ange.tertial.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Period;
import se.ange.tertial.followup.ReminderPolicy;

/**
 * Settings under {@code tertial.reminders.*} (see {@link ReminderPolicy} for what they mean). Periods are
 * ISO-8601 ({@code P1M}, {@code P7D}); the quiet period is given as {@code --07-01} … {@code --07-31}.
 */
@ConfigurationProperties("tertial.reminders")
public record ReminderConfig(@Bindable(defaultValue = "P1M") Period firstBefore,
                             @Bindable(defaultValue = "P7D") Period secondBefore,
                             @Bindable(defaultValue = "3") @Min(1) int escalationWorkingDaysAfter,
                             @Bindable(defaultValue = "P7D") Period endingSoonBefore,
                             @Bindable(defaultValue = "--07-01") String quietFrom,
                             @Bindable(defaultValue = "--07-31") String quietTo,
                             @Bindable(defaultValue = "08:00") LocalTime sendAt) {

    public ReminderPolicy policy() {
        return new ReminderPolicy(firstBefore, secondBefore, escalationWorkingDaysAfter, endingSoonBefore,
                quietFrom.isBlank() ? null : MonthDay.parse(quietFrom), quietTo.isBlank() ? null : MonthDay.parse(quietTo));
    }
}
