package se.ange.tertial.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import se.ange.tertial.register.access.TokenHash;
import se.ange.tertial.web.signin.SessionAuthentication;

/**
 * The token every form carries. Signed in: the session's own token (synchronizer pattern). Not yet signed
 * in (the sign-in forms): a random value in a {@code SameSite=Strict} cookie that the form must repeat
 * (double submit), so another site cannot post a sign-in in someone's browser.
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String ANONYMOUS_COOKIE = "tertial_csrf";

    private Csrf() {
    }

    /** The token for this request's forms; a new anonymous one when the browser has none yet. */
    public static String tokenFor(HttpRequest<?> request) {
        return sessionToken(request).or(() -> anonymousToken(request)).orElseGet(TokenHash::newToken);
    }

    /** The cookie to set so the anonymous token can be checked (null when signed in or already set). */
    public static @Nullable Cookie cookieFor(HttpRequest<?> request, String token, boolean secure) {
        if (sessionToken(request).isPresent() || anonymousToken(request).filter(token::equals).isPresent()) {
            return null;
        }
        return Cookie.of(ANONYMOUS_COOKIE, token).httpOnly(true).sameSite(SameSite.Strict).secure(secure).path("/");
    }

    static boolean accepts(HttpRequest<?> request, @Nullable String given) {
        if (given == null || given.isBlank()) {
            return false;
        }
        Optional<String> expected = sessionToken(request).or(() -> anonymousToken(request));
        return expected.filter(value -> MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))).isPresent();
    }

    private static Optional<String> sessionToken(HttpRequest<?> request) {
        return request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class)
                .map(auth -> auth.getAttributes().get(SessionAuthentication.CSRF))
                .filter(String.class::isInstance).map(String.class::cast);
    }

    private static Optional<String> anonymousToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(ANONYMOUS_COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
    }
}
