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
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class AuthFailureThrottleTest { // one client address (127.0.0.1) for all: the full-bucket case goes first

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @org.junit.jupiter.api.Order(1)
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

    @Test
    void a_forwarded_for_header_the_client_wrote_gets_no_fresh_bucket_and_locks_nobody_else_out() {
        var http = client.toBlocking();
        java.util.function.IntFunction<Integer> guess = n -> {
            try {
                return http.exchange(io.micronaut.http.HttpRequest.GET("/api/goals")
                        .header("Authorization", "Bearer tert_spoof-" + n)
                        .header("X-Forwarded-For", "10.9.8." + n), Map.class).code();
            } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
                return e.getStatus().getCode();
            }
        };
        int refused = 0;
        for (int n = 0; n < 6; n++) {
            refused += guess.apply(n) == 429 ? 1 : 0;
        }
        // the connection's address is what counts (no proxy header is configured): beyond 3 failures, 429
        assertThat(refused).isGreaterThanOrEqualTo(2);
    }

    @Test
    void teams_callbacks_are_not_counted() {
        var http = client.toBlocking();
        for (int n = 0; n < 6; n++) {
            int code;
            try {
                code = http.exchange(io.micronaut.http.HttpRequest.POST("/api/teams/messages", "{}")
                        .header("Authorization", "Bearer not-a-jwt-" + n), Map.class).code();
            } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
                code = e.getStatus().getCode();
            }
            assertThat(code).as("Teams callback %d", n).isNotEqualTo(429);
        }
    }
}
