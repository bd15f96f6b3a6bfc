package se.ange.tertial.web.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.register.access.TokenHash;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.system.WebConfig;

/**
 * Browser sessions kept in the database, so every instance knows them and logout ends them everywhere. The
 * cookie holds a random secret ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} behind https); the
 * caller is rebuilt from the register on each request, so a changed role or a deactivated person counts at
 * once. Each session has its own CSRF token for the forms it is shown.
 */
@Singleton
public class WebSessions {

    public static final String COOKIE = "tertial_session";
    /** The last-seen time is written at most this often (not on every request). */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A session found valid, with who it is for. */
    public record Active(String csrfToken, Caller caller, Language language, @Nullable String personName) {
    }

    /** A new session: the cookie to set. */
    public record Started(Cookie cookie) {
    }

    private final WebSessionRepository sessions;
    private final SignInLinkRepository links;
    private final PersonRepository people;
    private final Callers callers;
    private final WebConfig config;
    private final Clock clock;

    WebSessions(WebSessionRepository sessions, SignInLinkRepository links, PersonRepository people, Callers callers,
                WebConfig config, Clock clock) {
        this.sessions = sessions;
        this.links = links;
        this.people = people;
        this.callers = callers;
        this.config = config;
        this.clock = clock;
    }

    /** Signs a person in. */
    public Started startFor(Person person, String signedInBy) {
        return start(person.id(), null, false, signedInBy);
    }

    /** Signs the first admin in with a key. */
    public Started startFor(Callers.AdminKey key) {
        return start(null, key.apiTokenId(), key.apiTokenId() == null, "key");
    }

    private Started start(@Nullable Long personId, @Nullable Long apiTokenId, boolean bootstrap, String signedInBy) {
        String secret = TokenHash.newToken();
        Instant now = clock.instant();
        sessions.save(new WebSession(null, TokenHash.of(secret), personId, apiTokenId, bootstrap,
                TokenHash.newToken(), signedInBy, now, now, now.plus(config.sessionMaxAge())));
        return new Started(cookie(secret));
    }

    /** The session behind a cookie's secret, if it is valid now. */
    public Optional<Active> find(String secret) {
        Instant now = clock.instant();
        Optional<WebSession> found = sessions.findByTokenHash(TokenHash.of(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WebSession session = found.get();
        if (!now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plus(config.sessionIdleTimeout()))) {
            sessions.delete(session);
            return Optional.empty();
        }
        if (Duration.between(session.lastSeenAt(), now).compareTo(TOUCH_EVERY) >= 0) {
            sessions.update(session.seenAt(now));
        }
        if (session.personId() != null) {
            return people.findById(session.personId()).filter(Person::active)
                    .flatMap(person -> callers.byEmail(person.email(), "web")
                            .map(caller -> new Active(session.csrfToken(), caller, person.language(), person.name())));
        }
        return callers.forAdminKey(new Callers.AdminKey(session.apiTokenId()))
                .map(caller -> new Active(session.csrfToken(), caller, Language.SV, null));
    }

    /** Ends the session (logout); the cookie that clears it in the browser. */
    public Cookie end(@Nullable String secret) {
        if (secret != null && !secret.isBlank()) {
            sessions.deleteByTokenHash(TokenHash.of(secret));
        }
        return cookie("").maxAge(0);
    }

    private Cookie cookie(String value) {
        return Cookie.of(COOKIE, value).httpOnly(true).sameSite(SameSite.Lax).secure(config.secureCookies()).path("/");
    }

    /** Drops ended sessions and spent links, so the tables hold only what may still be used. */
    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void prune() {
        Instant now = clock.instant();
        sessions.deleteByExpiresAtLessThan(now);
        sessions.deleteByLastSeenAtLessThan(now.minus(config.sessionIdleTimeout()));
        links.deleteByExpiresAtLessThan(now.minus(Duration.ofDays(1)));
    }
}
