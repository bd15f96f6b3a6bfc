package se.ange.tertial.web.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.system.WebConfig;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /login}: ask for a sign-in link by e-mail, use it (a button, so a mail scanner that opens the link
 * does not spend it), or, on a first start, paste the admin key. {@code /logout} ends the session.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Pages pages;
    private final SignInLinks links;
    private final WebSessions sessions;
    private final Callers callers;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Optional<OidcSignInOption> oidc;
    private final long linkMinutes;

    SignInController(Pages pages, SignInLinks links, WebSessions sessions, Callers callers, SignInThrottle throttle,
                     AuditLog audit, Optional<OidcSignInOption> oidc, WebConfig config) {
        this.pages = pages;
        this.links = links;
        this.sessions = sessions;
        this.callers = callers;
        this.throttle = throttle;
        this.audit = audit;
        this.oidc = oidc;
        this.linkMinutes = config.signInLinkValidity().toMinutes();
    }

    @Get("/login")
    MutableHttpResponse<?> form(HttpRequest<?> request, @Nullable @QueryValue String next) {
        if (Pages.authentication(request).isPresent()) {
            return Pages.seeOther(request, safeNext(next));
        }
        return login(request, HttpStatus.OK, next, Map.of());
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> requestLink(HttpRequest<?> request, @Nullable @Body("email") String email, @Nullable @Body("next") String next) {
        WebTexts t = Pages.texts(request);
        String address = email == null ? "" : email.strip();
        if (!throttle.allows(request)) {
            return login(request, HttpStatus.TOO_MANY_REQUESTS, next, Map.of("emailError", t.get("signin.throttled"),
                    "email", address));
        }
        if (address.isEmpty() || address.length() > 254 || !EMAIL.matcher(address).matches()) {
            return login(request, HttpStatus.BAD_REQUEST, next, Map.of("emailError",
                    t.get(address.isEmpty() ? "signin.email.missing" : "signin.email.invalid"), "email", address));
        }
        links.request(address, safeNext(next));
        return pages.render(request, "login-sent", Map.of("title", t.get("signin.sent.title"), "email", address,
                "minutes", linkMinutes));
    }

    @Post("/login/nyckel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> key(HttpRequest<?> request, @Nullable @Body("key") String key) {
        WebTexts t = Pages.texts(request);
        if (!throttle.allows(request)) {
            return login(request, HttpStatus.TOO_MANY_REQUESTS, null, Map.of("keyError", t.get("signin.throttled")));
        }
        Optional<Callers.AdminKey> admin = key == null || key.isBlank() ? Optional.empty() : callers.adminKey(key.strip());
        if (admin.isEmpty()) {
            return login(request, HttpStatus.UNAUTHORIZED, null, Map.of("keyError",
                    t.get(key == null || key.isBlank() ? "signin.key.missing" : "signin.key.wrong"), "keyOpen", true));
        }
        sessions.end(currentSecret(request));
        Cookie cookie = sessions.startFor(admin.get()).cookie();
        audit.record(new Actor("admin-key", null, Channel.WEB, "web"), "web.signed_in", "web", null, null,
                Map.of("by", "key"));
        return Pages.seeOther(request, "/").cookie(cookie);
    }

    @Get("/login/{secret}")
    MutableHttpResponse<?> confirm(HttpRequest<?> request, @PathVariable String secret) {
        WebTexts t = Pages.texts(request);
        return links.find(secret)
                .<MutableHttpResponse<?>>map(usable -> pages.render(request, "login-confirm", Map.of(
                        "title", t.get("signin.confirm.title"), "name", usable.person().name(), "secret", secret)))
                .orElseGet(() -> spent(request));
    }

    @Post("/login/{secret}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> use(HttpRequest<?> request, @PathVariable String secret) {
        Optional<SignInLinks.Usable> usable = links.find(secret);
        if (usable.isEmpty() || !links.use(usable.get())) {
            return spent(request);
        }
        var person = usable.get().person();
        sessions.end(currentSecret(request)); // a new sign-in never keeps an older session alive
        Cookie cookie = sessions.startFor(person, "email-link").cookie();
        audit.record(new Actor(person.email(), person.id(), Channel.WEB, "web"), "web.signed_in", "web", null, null,
                Map.of("by", "email-link"));
        return Pages.seeOther(request, safeNext(usable.get().link().nextPath())).cookie(cookie);
    }

    @Get("/logout")
    MutableHttpResponse<?> logoutPage(HttpRequest<?> request) {
        return pages.render(request, "logout", Map.of("title", Pages.texts(request).get("logout.title")));
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> logout(HttpRequest<?> request) {
        return Pages.seeOther(request, "/login?utloggad=1").cookie(sessions.end(currentSecret(request)));
    }

    private static @Nullable String currentSecret(HttpRequest<?> request) {
        return request.getCookies().findCookie(WebSessions.COOKIE).map(Cookie::getValue).orElse(null);
    }

    private MutableHttpResponse<?> spent(HttpRequest<?> request) {
        WebTexts t = Pages.texts(request);
        return login(request, HttpStatus.GONE, null, Map.of("notice", t.get("signin.link.spent")));
    }

    private MutableHttpResponse<?> login(HttpRequest<?> request, HttpStatus status, @Nullable String next,
                                         Map<String, Object> extra) {
        WebTexts t = Pages.texts(request);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("title", t.get("signin.title"));
        model.put("next", safeNext(next));
        model.put("minutes", linkMinutes);
        model.put("loggedOut", request.getParameters().contains("utloggad"));
        String back = safeNext(next);
        // the provider's sign-in remembers where to go back to, as the e-mailed link does
        oidc.ifPresent(option -> model.put("oidcPath", back.equals("/") ? option.path()
                : option.path() + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
        return pages.render(request, status, "login", model);
    }

    /** Only a path on this site: never another site (an open redirect), never a protocol-relative URL. */
    static String safeNext(@Nullable String next) {
        if (next == null || next.isBlank() || next.length() > 200 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.startsWith("/login") || next.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        try {
            URI parsed = new URI(next); // what the redirect will be built from: a path, and nothing else
            return parsed.getScheme() == null && parsed.getRawAuthority() == null ? next : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
