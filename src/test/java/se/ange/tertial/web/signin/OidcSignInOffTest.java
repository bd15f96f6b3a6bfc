package se.ange.tertial.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.oauth2.client.OauthClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Without {@code TERTIAL_WEB_OIDC_ISSUER} there is no provider: no link, no OAuth routes, sign-in as before. */
@MicronautTest(environments = "test", transactional = false)
class OidcSignInOffTest {

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_sign_in_page_has_no_provider_link_and_the_oauth_routes_do_not_exist() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).doesNotContain("/oauth/login").doesNotContain("Logga in med ditt konto i kommunen")
                .contains("action=\"/login\"");
        assertThat(get("/oauth/login/entra").statusCode()).isEqualTo(404);
        assertThat(get("/oauth/login/x").statusCode()).isEqualTo(404);
        assertThat(get("/oauth/callback/entra?code=a&state=b").statusCode()).isEqualTo(404);
        assertThat(context.getBeansOfType(OauthClient.class)).isEmpty();
        assertThat(context.findBean(OidcSignInOption.class)).isEmpty();
    }
}
