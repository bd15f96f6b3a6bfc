package se.ange.tertial.digest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * The weekly digest ({@code tertial.digest.*}).
 *
 * @param sendAt         local time of the daily check that sends the digests due that day
 * @param defaultDay     the day a digest goes out unless the person chose another; a holiday moves it to
 *                       the next working day
 * @param longOnHoldDays "on hold" is listed once it has lasted this long
 * @param teamsChannel   also post the week's stab summary to the Teams channel
 *                       ({@code tertial.teams.channel-webhook-url})
 */
@ConfigurationProperties("tertial.digest")
public record DigestConfig(@Bindable(defaultValue = "true") boolean enabled,
                           @Bindable(defaultValue = "07:30") LocalTime sendAt,
                           @Bindable(defaultValue = "MONDAY") DayOfWeek defaultDay,
                           @Bindable(defaultValue = "30") int longOnHoldDays,
                           @Bindable(defaultValue = "false") boolean teamsChannel) {
}
