package se.ange.tertial.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.ange.tertial.web.WebClient;

/** Sign-in attempts from one address are limited per minute, links and keys alike. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.web.sign-in-requests-per-minute", value = "3")
class SignInThrottleTest {

    @Inject
    EmbeddedServer server;

    @Test
    void the_fourth_attempt_in_a_minute_is_asked_to_wait() {
        WebClient web = new WebClient(server.getURL().toString());
        web.get("/login");
        assertThat(web.post("/login", Map.of("email", "a@ange.example")).statusCode()).isEqualTo(200);
        assertThat(web.post("/login", Map.of("email", "b@ange.example")).statusCode()).isEqualTo(200);
        assertThat(web.post("/login/nyckel", Map.of("key", "guess")).statusCode()).isEqualTo(401);
        HttpResponse<String> fourth = web.post("/login", Map.of("email", "c@ange.example"));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("För många försök från din dator. Vänta en minut och försök igen.");
        assertThat(web.post("/login/nyckel", Map.of("key", "guess")).statusCode()).isEqualTo(429);
    }
}
