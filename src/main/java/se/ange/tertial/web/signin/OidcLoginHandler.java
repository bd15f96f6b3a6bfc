package se.ange.tertial.web.signin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.web.Pages;
import se.ange.tertial.system.WebConfig;
import se.ange.tertial.web.WebTexts;

/**
 * After the provider's callback (Micronaut Security's {@code /oauth/callback/entra}): starts OUR database
 * session for the person {@link OidcPeople} found and goes to the page the sign-in began from; a refusal is
 * the sign-in page with the reason. Runs on the blocking pool (the mapper's lookup completes there).
 */
@Singleton
@Requires(bean = OidcSettings.class)
class OidcLoginHandler implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    /** The path to go to after signing in, remembered in the browser while it is at the provider. */
    static final String NEXT_COOKIE = "tertial_oidc_next";
    static final String FAILED = "signin.oidc.failed";

    private final WebSessions sessions;
    private final PersonRepository people;
    private final AuditLog audit;
    private final Pages pages;
    private final WebConfig config;

    OidcLoginHandler(WebSessions sessions, PersonRepository people, AuditLog audit, Pages pages, WebConfig config) {
        this.sessions = sessions;
        this.people = people;
        this.audit = audit;
        this.pages = pages;
        this.config = config;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        Object id = authentication.getAttributes().get(OidcPeople.PERSON_ID);
        Optional<Person> person = id instanceof Number number
                ? people.findById(number.longValue()).filter(Person::active) : Optional.empty();
        if (person.isEmpty()) {
            return refused(request, OidcPeople.UNKNOWN);
        }
        sessions.end(request.getCookies().findCookie(WebSessions.COOKIE).map(Cookie::getValue).orElse(null));
        Cookie session = sessions.startFor(person.get(), "oidc").cookie();
        audit.record(new Actor(person.get().email(), person.get().id(), Channel.WEB, "web"), "web.signed_in", "web",
                null, null, Map.of("by", "oidc"));
        String next = request.getCookies().findCookie(NEXT_COOKIE).map(Cookie::getValue).orElse(null);
        return Pages.seeOther(request, SignInController.safeNext(next)).cookie(session).cookie(nextCookie("").maxAge(0));
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken, HttpRequest<?> request) {
        return refused(request, FAILED); // no refresh tokens: our own session is the sign-in
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failure, HttpRequest<?> request) {
        return refused(request, failure.getMessage().filter(OidcPeople.UNKNOWN::equals).orElse(FAILED));
    }

    /** The sign-in page with why signing in with the provider did not work. */
    MutableHttpResponse<?> refused(HttpRequest<?> request, String reason) {
        WebTexts t = Pages.texts(request);
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.get("signin.title"));
        model.put("next", "/");
        model.put("loggedOut", false);
        model.put("notice", t.get(reason));
        model.put("oidcPath", "/oauth/login/" + OidcSettings.PROVIDER);
        HttpStatus status = OidcPeople.UNKNOWN.equals(reason) ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        return pages.render(request, status, "login", model).cookie(nextCookie("").maxAge(0));
    }

    Cookie nextCookie(String path) {
        return Cookie.of(NEXT_COOKIE, path).httpOnly(true).sameSite(SameSite.Lax).secure(config.secureCookies())
                .path("/oauth").maxAge(900);
    }
}
