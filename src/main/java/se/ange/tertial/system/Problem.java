package se.ange.tertial.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An RFC 9457 problem+json body; {@code errors} lists what exactly was wrong, where. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail,
                     @Nullable List<ProblemError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";
}
