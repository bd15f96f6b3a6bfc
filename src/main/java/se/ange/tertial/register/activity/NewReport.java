package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.ange.tertial.system.Limits;

/**
 * A status report through the API. {@code status} is the enum name or a label ("Pågående enligt plan");
 * without {@code tertial} it is for the tertial the owner is asked about (as in chat and e-mail).
 * The reporter is the caller.
 */
@Serdeable
public record NewReport(@Nullable @Size(max = 20) String tertial, @NotBlank @Size(max = 100) String status,
                        @Nullable @Size(max = Limits.COMMENT) String comment) {
}
