package se.ange.tertial.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/** Every error leaves the service as application/problem+json, from our exceptions and Micronaut's own. */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    static MutableHttpResponse<Problem> response(HttpStatus status, String detail, List<ProblemError> errors) {
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                errors.isEmpty() ? null : errors);
        return HttpResponse.<Problem>status(status).contentType(Problem.CONTENT_TYPE).body(problem);
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
            return response(exception.status(), exception.getMessage(), exception.errors());
        }
    }

    /** Micronaut's own errors (unknown route, bad JSON, constraint violations) in the same shape. */
    @Singleton
    @Replaces(HateoasErrorResponseProcessor.class)
    static class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
        @Override
        public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
            HttpStatus status = base.getStatus();
            List<ProblemError> errors = context.getErrors().stream()
                    .map(e -> ProblemError.atField(e.getPath().orElse(null), e.getMessage()))
                    .filter(e -> e.field() != null)
                    .toList();
            String detail = context.getErrors().isEmpty() ? status.getReason()
                    : context.getErrors().get(0).getMessage();
            Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                    errors.isEmpty() ? null : errors);
            return base.contentType(Problem.CONTENT_TYPE).body(problem);
        }
    }
}
