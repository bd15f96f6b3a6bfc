package se.ange.tertial.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.Api;
import se.ange.tertial.web.WebClient;

/** Served over https (the base URL says so), the session and form cookies are Secure. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.web.base-url", value = "https://tertial.ange.example")
class SecureCookieTest {

    @Inject
    EmbeddedServer server;

    @Test
    void cookies_are_secure_behind_https() {
        WebClient web = new WebClient(server.getURL().toString());
        HttpResponse<String> login = web.get("/login");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("tertial_csrf=").contains("Secure").contains("SameSite=Strict").contains("HTTPOnly"));
        // the JDK client keeps Secure cookies for https only: post the token as the form would
        String token = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tertial_csrf="))
                .findFirst().orElseThrow().split(";")[0].substring("tertial_csrf=".length());
        web.setCookie("tertial_csrf", token);
        HttpResponse<String> signedIn = web.post("/login/nyckel", Map.of("key", Api.BOOTSTRAP_ADMIN, "_csrf", token));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("tertial_session=").contains("Secure").contains("HTTPOnly").contains("SameSite=Lax"));
    }
}
