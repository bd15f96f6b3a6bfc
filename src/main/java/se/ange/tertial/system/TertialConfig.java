package se.ange.tertial.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;

/**
 * Settings under {@code tertial.*}.
 *
 * @param zone              the municipality's time zone: tertials and dates are read in it
 * @param demoData          load the 2024 plan and people into an empty database on start
 * @param closingWindowDays how many days before a close a missing report counts as a deviation
 */
@ConfigurationProperties("tertial")
public record TertialConfig(
        @Bindable(defaultValue = "Europe/Stockholm") @NotNull ZoneId zone,
        @Bindable(defaultValue = "true") boolean demoData,
        @Bindable(defaultValue = "28") @Min(0) @Max(120) int closingWindowDays) {
}
