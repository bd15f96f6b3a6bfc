package se.ange.tertial.system;

import io.micronaut.http.HttpStatus;
import java.util.List;

/** The one exception tree of the service: each carries the HTTP status and a message for the user. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final transient List<ProblemError> errors;

    public ProblemException(HttpStatus status, String detail, List<ProblemError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public List<ProblemError> errors() {
        return errors;
    }

    /** A tertial named in a request ({@code 2024-T1}), or 422 naming the field. */
    public static se.ange.tertial.followup.Tertial tertial(String text) {
        try {
            return se.ange.tertial.followup.Tertial.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalidField("tertial", "Ange tertialet som t.ex. 2024-T1, inte '" + text + "'");
        }
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, detail, List.of());
    }

    public static ProblemException invalid(String detail, List<ProblemError> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, detail, errors);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(message, List.of(ProblemError.atField(field, message)));
    }
}
