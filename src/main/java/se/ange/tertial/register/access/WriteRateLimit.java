package se.ange.tertial.register.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.reactivestreams.Publisher;
import se.ange.tertial.system.Problem;

/**
 * A token bucket per credential on the API's write endpoints: a runaway script gets 429 with Retry-After
 * instead of flooding the register. Buckets live in this instance's memory, so with N instances the
 * limit is at most N times the setting.
 */
@Filter("/api/**")
class WriteRateLimit implements HttpServerFilter {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(10_000).build();

    WriteRateLimit(SecurityConfig config) {
        this.perMinute = config.writesPerMinute();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after(); // the caller is known by then
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (READS.contains(request.getMethod())) {
            return chain.proceed(request);
        }
        String key = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getAttributes().get(Caller.ATTRIBUTE) instanceof Caller c ? c.credential() + "/" + c.name()
                        : a.getName())
                .orElse(null);
        if (key == null) {
            return chain.proceed(request); // unauthenticated writes are refused by security anyway
        }
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return chain.proceed(request);
        }
        long retryAfter = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        Problem problem = new Problem("about:blank", HttpStatus.TOO_MANY_REQUESTS.getReason(), 429,
                "För många ändringar på kort tid; försök igen om %d sekunder".formatted(retryAfter), List.of());
        return Publishers.just(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(retryAfter))
                .contentType(Problem.CONTENT_TYPE).body(problem));
    }
}
