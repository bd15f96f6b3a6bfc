package se.ange.tertial.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The browser-facing headers, on every answer (HTML reports, JSON, problems, refusals): no MIME sniffing,
 * no framing (clickjacking), no referrer, and a Content-Security-Policy that lets a report's inline styles
 * in and nothing else (no scripts, no outside content, no forms).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders implements Ordered {

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Swagger UI's page: its scripts and styles from this server (the webjar, its own init.js), still none inline. */
    static final String SWAGGER_UI_PATH = "/swagger-ui/";
    static final String SWAGGER_UI_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before(); // outermost: sees the refusals of every other filter too
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        if (!headers.contains("Referrer-Policy")) {
            headers.set("Referrer-Policy", "no-referrer");
        }
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", request.getPath().startsWith(SWAGGER_UI_PATH) ? SWAGGER_UI_CSP : CSP);
        }
    }
}
