package se.ange.tertial.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Settings under {@code tertial.*}.
 *
 * @param zone              the municipality's time zone: tertials and dates are read in it
 * @param demoData          load the demo plan and people into an empty database on start
 * @param demoYear          the year the demo plan is moved into (refs and dates); unset = the current year,
 *                          2024 = the seed's plan exactly
 * @param closingWindowDays how many days before a close a missing report counts as a deviation
 * @param logFormat         {@code text} (for people) or {@code json} (one object per line, for log shipping);
 *                          logback reads the same variable, this only refuses a misspelling at start instead
 *                          of a service that logs nothing
 */
@ConfigurationProperties("tertial")
public record TertialConfig(
        @Bindable(defaultValue = "Europe/Stockholm") @NotNull ZoneId zone,
        @Bindable(defaultValue = "true") boolean demoData,
        @Nullable @Min(2000) @Max(2999) Integer demoYear,
        @Bindable(defaultValue = "28") @Min(0) @Max(120) int closingWindowDays,
        @Bindable(defaultValue = "text") @NotNull @Pattern(regexp = "text|json") String logFormat) {

    /** The demo plan's year: the configured one, else the clock's year in the municipality's zone. */
    public int demoYear(Clock clock) {
        return demoYear != null ? demoYear : LocalDate.now(clock.withZone(zone)).getYear();
    }
}
