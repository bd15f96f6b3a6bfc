package se.ange.tertial.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import se.ange.tertial.system.Problem;

/**
 * A problem answered on a page path (no such page, a value that does not bind, an unexpected error) is shown
 * to the person as a page in their language, with the incident id when there is one — never as JSON.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PageProblems implements Ordered {

    private final ErrorPages errors;

    PageProblems(ErrorPages errors) {
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after() + 1; // inside PageHeaders, so the page gets the pages' headers
    }

    @ResponseFilter
    MutableHttpResponse<?> pages(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!WebPaths.isPage(request.getPath()) || !(response.getBody().orElse(null) instanceof Problem problem)) {
            return response;
        }
        return errors.problem(request, response.getStatus(), problem.incident());
    }
}
