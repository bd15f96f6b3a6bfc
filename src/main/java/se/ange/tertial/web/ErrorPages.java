package se.ange.tertial.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;

/** The pages that say no: not allowed, not found, a form that has gone stale. */
@Singleton
public class ErrorPages {

    private final Pages pages;

    ErrorPages(Pages pages) {
        this.pages = pages;
    }

    public MutableHttpResponse<?> forbidden(HttpRequest<?> request) {
        return page(request, HttpStatus.FORBIDDEN, "error.forbidden");
    }

    public MutableHttpResponse<?> notFound(HttpRequest<?> request) {
        return page(request, HttpStatus.NOT_FOUND, "error.notFound");
    }

    /** The page for a problem answered on a page path (a 404 of the router, an unexpected error with its incident). */
    MutableHttpResponse<?> problem(HttpRequest<?> request, HttpStatus status, @Nullable String incident) {
        String key = switch (status.getCode()) {
            case 401, 403 -> "error.forbidden";
            case 404, 405 -> "error.notFound";
            default -> status.getCode() < 500 ? "error.badRequest" : "error.unexpected";
        };
        WebTexts t = Pages.texts(request);
        Map<String, Object> model = new java.util.HashMap<>(Map.of("title", t.get(key + ".title"), "errorKey", key));
        if (incident != null) {
            model.put("incident", incident);
        }
        return pages.render(request, status, "error", model);
    }

    MutableHttpResponse<?> csrfRefused(HttpRequest<?> request) {
        return page(request, HttpStatus.FORBIDDEN, "error.csrf");
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String key) {
        WebTexts t = Pages.texts(request);
        return pages.render(request, status, "error", Map.of("title", t.get(key + ".title"), "errorKey", key));
    }
}
