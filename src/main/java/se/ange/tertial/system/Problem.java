package se.ange.tertial.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem+json body; {@code errors} lists what exactly was wrong, where. {@code incident}: on
 * an unexpected error, the id under which the log holds its stack trace (the answer never does).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail,
                     @Nullable List<ProblemError> errors, @Nullable String incident) {

    public static final String CONTENT_TYPE = "application/problem+json";

    @Creator
    public Problem {
    }

    public Problem(String type, String title, int status, @Nullable String detail, @Nullable List<ProblemError> errors) {
        this(type, title, status, detail, errors, null);
    }
}
