package se.ange.tertial.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error leaves the service as application/problem+json, from our exceptions and Micronaut's own.
 * A problem answer says what was wrong in the caller's terms (the field, the line) and never carries SQL,
 * table, column or class names or stack text: an unexpected error answers 500 with an incident id that the
 * log holds with the stack trace.
 */
final class ProblemHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARS = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final Pattern JSON_LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern JSON_PROPERTY = Pattern.compile("property \\[(?:[^\\]\\s]+ )?(\\w+)\\]");
    private static final Pattern ENUM_VALUES = Pattern.compile("Expected one of \\[([^\\]]*)\\]");
    /** What a detail must not look like: a class name, SQL or a stack. */
    private static final Pattern LEAK = Pattern.compile(
            "(\\b[a-z_]+\\.[a-z_]+\\.[\\w.$]*[A-Z]\\w*)|Exception|SQL|\\bat \\w+\\.|\\[\\d{5}-\\d+\\]|\\bclass\\b");

    private ProblemHandlers() {
    }

    static MutableHttpResponse<Problem> response(HttpStatus status, String detail, List<ProblemError> errors) {
        return response(status, detail, errors, null);
    }

    static MutableHttpResponse<Problem> response(HttpStatus status, String detail, List<ProblemError> errors,
                                                 String incident) {
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                errors.isEmpty() ? null : errors, incident);
        return HttpResponse.<Problem>status(status).contentType(Problem.CONTENT_TYPE).body(problem);
    }

    /** A short random id for an incident, e.g. {@code k7p2xq9m}. */
    static String incidentId() {
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[RANDOM.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
            return response(exception.status(), exception.getMessage(), exception.errors());
        }
    }

    /**
     * What no other handler took: a unique constraint is a 409, another refusal by the database a 422
     * (validation should have caught it first; the log says which), anything else a 500. Each with an
     * incident id, logged with the stack trace.
     */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    static class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
            String incident = incidentId();
            String where = request.getMethodName() + " " + request.getPath();
            if (Database.isUniqueViolation(exception)) {
                LOG.warn("Incident {}: unique violation on {}", incident, where, exception);
                String field = uniqueField(exception);
                String detail = "Det finns redan en post med samma "
                        + (field == null ? "värde" : field) + "; värdet måste vara unikt";
                return response(HttpStatus.CONFLICT, detail,
                        List.of(ProblemError.atField(field == null ? "värde" : field, detail)), incident);
            }
            String state = sqlState(exception);
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                LOG.warn("Incident {}: the database refused a value on {} (SQLState {})", incident, where, state,
                        exception);
                String detail = "Ett värde är för långt, utanför tillåtet intervall eller saknas (incident "
                        + incident + ")";
                return response(HttpStatus.UNPROCESSABLE_ENTITY, detail,
                        List.of(ProblemError.atField("värde", detail)), incident);
            }
            LOG.error("Incident {}: unexpected error on {}", incident, where, exception);
            return response(HttpStatus.INTERNAL_SERVER_ERROR,
                    "Ett oväntat fel inträffade. Ange incident " + incident + " om du kontaktar supporten.",
                    List.of(), incident);
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** The field a unique violation is about, in the API's words, when the database's message tells. */
    private static String uniqueField(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        String text = messages.toString().toLowerCase(Locale.ROOT);
        String[][] known = {{"teams_user", "teamsUserId"}, {"slack_user", "slackUserId"}, {"email", "email"},
            {"ref", "ref"}, {"name", "name"}};
        for (String[] column : known) {
            if (text.contains(column[0])) {
                return column[1];
            }
        }
        return null;
    }

    /** Micronaut's own errors (unknown route, bad JSON, conversion, constraint violations) in the same shape. */
    @Singleton
    @Replaces(HateoasErrorResponseProcessor.class)
    static class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
        @Override
        public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
            HttpStatus status = base.getStatus();
            Throwable cause = context.getRootCause().orElse(null);
            String incident = null;
            List<ProblemError> errors;
            String detail;
            if (cause instanceof ConstraintViolationException violations
                    && !violations.getConstraintViolations().isEmpty()) {
                status = HttpStatus.UNPROCESSABLE_ENTITY;
                errors = violations.getConstraintViolations().stream().map(ProblemHandlers::violation)
                        .sorted(java.util.Comparator.comparing(ProblemError::field)).toList();
                detail = errors.get(0).message();
            } else if (cause instanceof ConversionErrorException conversion) {
                errors = List.of(conversion(conversion));
                detail = errors.get(0).message();
            } else if (status.getCode() == 400 && isJsonError(cause, context)) {
                errors = List.of(json(cause == null ? "" : String.valueOf(cause.getMessage()), "body"));
                detail = errors.get(0).message();
            } else if (status.getCode() >= 500) {
                incident = incidentId();
                LOG.error("Incident {}: {} on {} {}", incident, status.getCode(), context.getRequest().getMethodName(),
                        context.getRequest().getPath(), cause);
                errors = List.of();
                detail = "Ett oväntat fel inträffade. Ange incident " + incident + " om du kontaktar supporten.";
            } else {
                HttpStatus shown = status;
                errors = context.getErrors().stream()
                        .filter(e -> e.getPath().isPresent())
                        .map(e -> ProblemError.atField(cleanPath(e.getPath().get()), safe(e.getMessage(), shown)))
                        .toList();
                detail = context.getErrors().isEmpty() ? status.getReason()
                        : safe(context.getErrors().get(0).getMessage(), status);
                if (detail != null && detail.startsWith("Required ") && !errors.isEmpty()) {
                    detail = errors.get(0).field() + " krävs";
                    errors = List.of(ProblemError.atField(errors.get(0).field(), detail));
                }
            }
            Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                    errors.isEmpty() ? null : errors, incident);
            return base.status(status).contentType(Problem.CONTENT_TYPE).body(problem);
        }
    }

    private static boolean isJsonError(Throwable cause, ErrorContext context) {
        String name = cause == null ? "" : cause.getClass().getName();
        return name.contains("Json") || name.contains("Serde") || context.getErrors().stream()
                .anyMatch(e -> e.getMessage().startsWith("Invalid JSON"));
    }

    /** A message from a library, unless it looks like it tells about the inside. */
    private static String safe(String message, HttpStatus status) {
        if (message == null || LEAK.matcher(message).find()) {
            return status.getReason();
        }
        return message;
    }

    /** "/page" or "changes.title" → "page", "title". */
    private static String cleanPath(String path) {
        String cleaned = path.startsWith("/") ? path.substring(1) : path;
        return cleaned.replace("/", ".");
    }

    private static ProblemError violation(ConstraintViolation<?> violation) {
        List<String> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(node -> {
            String name = node.getName();
            if (node.getIndex() != null && !nodes.isEmpty()) {
                int last = nodes.size() - 1;
                nodes.set(last, nodes.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                nodes.add(name);
            }
        });
        // method.parameter[.property…]: the parameter for a query value, the property for a body
        List<String> rest = nodes.size() > 1 ? nodes.subList(1, nodes.size()) : nodes;
        if (rest.size() > 1) {
            rest = rest.subList(1, rest.size());
        }
        String field = String.join(".", rest);
        return ProblemError.atField(field, field + ": " + constraintMessage(violation));
    }

    private static String constraintMessage(ConstraintViolation<?> violation) {
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String type = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (type) {
            case "Size" -> {
                Object min = attributes.get("min");
                Object max = attributes.get("max");
                boolean text = violation.getInvalidValue() instanceof CharSequence;
                String unit = text ? " tecken" : " värden";
                yield Integer.valueOf(0).equals(min) ? "högst " + max + unit
                        : "mellan " + min + " och " + max + unit;
            }
            case "Min", "DecimalMin", "PositiveOrZero", "Positive" -> "minst " + attributes.getOrDefault("value", 0);
            case "Max", "DecimalMax" -> "högst " + attributes.get("value");
            case "NotBlank", "NotNull", "NotEmpty" -> "krävs";
            case "Email" -> "är ingen e-postadress";
            case "Pattern" -> "har fel form";
            default -> "är inte giltigt";
        };
    }

    /** A query, path or body value that could not be read as its type. */
    private static ProblemError conversion(ConversionErrorException e) {
        Argument<?> argument = e.getArgument();
        String message = String.valueOf(e.getMessage());
        if (argument.getAnnotationMetadata().hasAnnotation(Body.class) || message.contains("Error decoding")
                || message.contains("Unexpected token") || message.contains("deserialize")) {
            return json(message, argument.getName());
        }
        String value = e.getConversionError().getOriginalValue().map(String::valueOf).orElse("");
        String field = argument.getName();
        return ProblemError.atField(field, "'%s' är inget giltigt värde för %s; %s".formatted(Limits.excerpt(value), field,
                hint(argument.getType(), message)));
    }

    /** A body that is not JSON, or not the JSON asked for: names the property and the place when it can. */
    private static ProblemError json(String message, String argumentName) {
        Matcher property = JSON_PROPERTY.matcher(message);
        String field = property.find() ? property.group(1) : "body";
        StringBuilder text = new StringBuilder(field.equals("body") ? "Kroppen är inte giltig JSON för begäran"
                : "Värdet för " + field + " kan inte läsas");
        Matcher values = ENUM_VALUES.matcher(message);
        if (values.find()) {
            text.append("; välj en av: ").append(Arrays.stream(values.group(1).split(",\\s*")).sorted()
                    .collect(Collectors.joining(", ")));
        } else if (message.contains("LocalDate") || message.contains("could not be parsed")) {
            text.append("; skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2024-04-30");
        }
        Matcher location = JSON_LOCATION.matcher(message);
        if (location.find()) {
            text.append(" (rad ").append(location.group(1)).append(", kolumn ").append(location.group(2)).append(')');
            return new ProblemError(Integer.valueOf(location.group(1)), location.group(2), field, text.toString());
        }
        return ProblemError.atField(field, text.toString());
    }

    private static String hint(Class<?> type, String message) {
        if (type.isEnum()) {
            return "välj en av: " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2024-04-30";
        }
        if (type == Instant.class || Temporal.class.isAssignableFrom(type)) {
            return "skriv tidpunkten som 2024-04-30T12:00:00Z";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "ange ett heltal";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "ange true eller false";
        }
        return "värdet har fel form";
    }

}
