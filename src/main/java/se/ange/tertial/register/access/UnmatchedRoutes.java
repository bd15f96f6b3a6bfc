package se.ange.tertial.register.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Why a wrong {@code Content-Type} used to be 403: no route accepts it, so the request has no route match,
 * no {@code @Secured} rule can decide, and Micronaut Security (reject-not-found) refuses it as forbidden.
 * For an authenticated caller such a request goes on to the router instead, which runs no controller and
 * answers what is really wrong: 415 (wrong Content-Type), 405 (wrong method) or 404 (no such path).
 * Anonymous callers still get 401, and every request a route does match is decided by its rules as before.
 */
@Singleton
class UnmatchedRoutes implements SecurityRule<HttpRequest<?>> {

    @Override
    public int getOrder() {
        return Integer.MAX_VALUE - 100; // last: only when no other rule decided
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        boolean unmatched = request != null && request.getAttribute(HttpAttributes.ROUTE_MATCH).isEmpty();
        return Publishers.just(unmatched && authentication != null ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }
}
