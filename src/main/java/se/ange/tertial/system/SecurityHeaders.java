package se.ange.tertial.system;

import io.micronaut.core.order.Ordered;
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

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before(); // outermost: sees the refusals of every other filter too
    }

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        if (!headers.contains("Referrer-Policy")) {
            headers.set("Referrer-Policy", "no-referrer");
        }
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", CSP);
        }
    }
}
