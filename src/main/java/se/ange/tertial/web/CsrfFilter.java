package se.ange.tertial.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Refuses every change to a page's state (POST, PUT, PATCH, DELETE on a page path) that does not carry the
 * form's CSRF token, as the {@code _csrf} field or the {@code X-CSRF-Token} header (htmx). The OIDC callback
 * is exempt (its {@code state} parameter does that job), and so is a logout whose session has already ended
 * (its form's token ended with it; logging out clears the cookie). Runs inside the views filter, so the refusal is a page.
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX,
        value = WebPaths.PAGES_PATTERN,
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
class CsrfFilter implements Ordered {

    private final FilterBodyParser bodies;
    private final ErrorPages errors;

    CsrfFilter(FilterBodyParser bodies, ErrorPages errors) {
        this.bodies = bodies;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request) {
        if (request.getPath().startsWith("/oauth/callback/")
                || request.getPath().equals("/logout") && Pages.authentication(request).isEmpty()) {
            return null; // state protects the callback; a logout without a session has nothing to protect
        }
        String token = request.getHeaders().get(Csrf.HEADER);
        if (token == null && isForm(request)) {
            token = formField(request);
        }
        return Csrf.accepts(request, token) ? null : errors.csrfRefused(request);
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType().filter(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).isPresent();
    }

    private @Nullable String formField(HttpRequest<?> request) {
        CompletableFuture<Map<String, Object>> body = bodies.parseBody(request);
        try {
            Object value = body.get(30, TimeUnit.SECONDS).get(Csrf.FIELD);
            return value instanceof String text ? text : null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
