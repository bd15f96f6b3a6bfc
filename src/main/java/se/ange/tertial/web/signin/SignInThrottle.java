package se.ange.tertial.web.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;
import se.ange.tertial.system.ClientAddress;
import se.ange.tertial.system.WebConfig;

/**
 * Sign-in attempts (asking for a link, pasting a key) per client address and minute, so neither mail nor
 * keys can be sprayed. In this instance's memory.
 */
@Singleton
class SignInThrottle {

    private final int perMinute;
    private final String addressHeader;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    SignInThrottle(WebConfig config, HttpServerConfiguration server) {
        this.perMinute = config.signInRequestsPerMinute();
        this.addressHeader = server.getClientAddressHeader();
    }

    boolean allows(HttpRequest<?> request) {
        return buckets.get(ClientAddress.of(request, addressHeader), address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsume(1);
    }
}
