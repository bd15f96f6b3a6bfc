package se.ange.tertial.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
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

    MutableHttpResponse<?> csrfRefused(HttpRequest<?> request) {
        return page(request, HttpStatus.FORBIDDEN, "error.csrf");
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String key) {
        WebTexts t = Pages.texts(request);
        return pages.renderNow(request, status, "error", Map.of("title", t.get(key + ".title"), "errorKey", key));
    }
}
