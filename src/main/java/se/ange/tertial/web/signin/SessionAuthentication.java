package se.ange.tertial.web.signin;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import se.ange.tertial.web.WebPaths;

/**
 * Authenticates the web pages' requests by their session cookie. Never the API's: a cookie is sent by the
 * browser on its own, so an API that took it would need CSRF protection it does not have; the API keeps
 * bearer tokens.
 */
@Singleton
public class SessionAuthentication implements AuthenticationFetcher<HttpRequest<?>> {

    public static final String CSRF = "tertial.csrf";
    public static final String LANGUAGE = "tertial.language";
    public static final String DISPLAY_NAME = "tertial.displayName";

    private final WebSessions sessions;
    private final ExecutorService blocking;

    SessionAuthentication(WebSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> secret = request.getCookies().findCookie(WebSessions.COOKIE).map(Cookie::getValue)
                .filter(value -> !value.isBlank());
        if (secret.isEmpty() || !WebPaths.isPage(request.getPath())) {
            return Publishers.empty();
        }
        CompletableFuture<Authentication> lookup = CompletableFuture.supplyAsync(() -> sessions.find(secret.get())
                .map(active -> active.caller().toAuthentication(Map.of(CSRF, active.csrfToken(),
                        LANGUAGE, active.language(),
                        DISPLAY_NAME, active.personName() == null ? active.caller().name() : active.personName())))
                .orElse(null), blocking);
        return Publishers.fromCompletableFuture(() -> lookup);
    }
}
