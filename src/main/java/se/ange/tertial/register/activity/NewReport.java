package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A status report through the API. {@code status} is the enum name or a label ("Pågående enligt plan");
 * without {@code tertial} it is for the tertial the owner is asked about (as in chat and e-mail).
 * The reporter is the caller.
 */
@Serdeable
public record NewReport(@Nullable String tertial, @NotBlank String status, @Nullable @Size(max = 8000) String comment) {
}
