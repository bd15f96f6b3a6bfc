package se.ange.tertial.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The pages' Content-Security-Policy: our own scripts (htmx) and stylesheet only, forms to ourselves, no
 * inline script or style, nothing from elsewhere; the referrer only to ourselves. Everything else keeps the strict policy of
 * {@code system.SecurityHeaders}, which does not overwrite this one.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PageHeaders implements Ordered {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (WebPaths.isPage(request.getPath())) {
            response.getHeaders().set("Content-Security-Policy", CSP);
            // not no-referrer: with it a browser sends "Origin: null" on the pages' own form posts, which the
            // server's CORS check refuses; same-origin still tells no other site where someone came from
            response.getHeaders().set("Referrer-Policy", "same-origin");
        }
    }
}
