package se.ange.tertial.register.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;
import java.time.Duration;
import java.util.List;
import org.reactivestreams.Publisher;
import se.ange.tertial.system.ClientAddress;
import se.ange.tertial.system.Problem;

/**
 * Slows down guessing of tokens: every request that brings credentials (an {@code Authorization} header)
 * and is refused with 401 takes one token from its client address's bucket
 * ({@code tertial.security.auth-failures-per-minute}, refilled over a minute). While the bucket is empty,
 * requests with credentials from that address get 429 with {@code Retry-After} before any credential is
 * checked. The client address is the connection's; behind a proxy, named by
 * {@code micronaut.server.client-address-header}, it is the last entry of that header (the one our proxy
 * added — earlier entries are the client's own words, so a guesser could otherwise pick a fresh bucket each
 * time or lock someone else out). Slack and Teams callbacks are left out: they are verified by signature and
 * come from the platforms' shared addresses. Buckets live in this instance's memory.
 */
@Filter("/**")
class AuthFailureThrottle implements HttpServerFilter {

    private final int perMinute;
    private final String addressHeader;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    AuthFailureThrottle(SecurityConfig config, HttpServerConfiguration server) {
        this.perMinute = config.authFailuresPerMinute();
        this.addressHeader = server.getClientAddressHeader();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before(); // refuse before the credential is even looked at
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String path = request.getPath();
        if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION) || path.startsWith("/api/teams/")
                || path.startsWith("/slack/")) {
            return chain.proceed(request);
        }
        String address = ClientAddress.of(request, addressHeader);
        Bucket existing = buckets.getIfPresent(address);
        if (existing != null) {
            EstimationProbe probe = existing.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                return Publishers.just(tooMany(probe.getNanosToWaitForRefill()));
            }
        }
        return Publishers.map(chain.proceed(request), response -> {
            if (response.getStatus() == HttpStatus.UNAUTHORIZED) {
                buckets.get(address, a -> newBucket()).tryConsume(1);
            }
            return response;
        });
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
    }

    private static MutableHttpResponse<?> tooMany(long nanosToWait) {
        long retryAfter = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
        Problem problem = new Problem("about:blank", HttpStatus.TOO_MANY_REQUESTS.getReason(), 429,
                "För många misslyckade inloggningar från din adress; försök igen om %d sekunder".formatted(retryAfter),
                List.of());
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .contentType(Problem.CONTENT_TYPE).body(problem);
    }
}
