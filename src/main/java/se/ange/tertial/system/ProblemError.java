package se.ange.tertial.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One thing wrong with a request: for a file, its line and column; for a JSON body or parameter, the field.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(@Nullable Integer line, @Nullable String column, @Nullable String field, String message) {

    public static ProblemError atCell(int line, String column, String message) {
        return new ProblemError(line, column, null, message);
    }

    public static ProblemError atField(String field, String message) {
        return new ProblemError(null, null, field, message);
    }
}
