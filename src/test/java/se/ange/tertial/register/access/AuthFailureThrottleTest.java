package se.ange.tertial.register.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.Api;

/** Failed authentication is throttled per client address: 429 with Retry-After once the minute's failures are used. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.security.auth-failures-per-minute", value = "3")
@SuppressWarnings("rawtypes")
class AuthFailureThrottleTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void refused_credentials_beyond_the_limit_get_429_with_retry_after_even_for_a_right_one() {
        Api guesser = new Api(client.toBlocking(), "tert_guess");
        Api anonymous = guesser.as(null);
        for (int i = 0; i < 10; i++) { // successes do not count
            assertThat(guesser.as(Api.BOOTSTRAP_ADMIN).get("/api/tokens").code()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.as("tert_guess-" + i).get("/api/activities").code()).isEqualTo(401);
        }
        HttpResponse<Map> throttled = guesser.as("tert_guess-4").get("/api/activities");
        assertThat(throttled.code()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.getHeaders().get("Retry-After"))).isBetween(1L, 60L);
        assertThat(Api.body(throttled).get("detail").toString()).contains("försök igen");
        // while throttled, even a right token from that address waits; requests without credentials go on
        assertThat(guesser.as(Api.BOOTSTRAP_ADMIN).get("/api/tokens").code()).isEqualTo(429);
        assertThat(anonymous.get("/api/activities").code()).isEqualTo(401);
    }
}
