package se.ange.tertial.web.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.OutboxWorker;
import se.ange.tertial.register.access.TokenHash;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.system.WebConfig;
import se.ange.tertial.web.WebTexts;

/**
 * Sign-in without an identity provider: a link by e-mail, only to a known active person, through the outbox
 * (with no SMTP server it is an {@code .eml} under {@code data/outbox/}). It works once and for
 * {@code tertial.web.sign-in-link-validity}; at most {@code sign-in-links-per-hour} are sent to one person.
 * Whoever asks gets the same answer, at the same speed, whether the address is known or not: the work is
 * done after the answer.
 */
@Singleton
public class SignInLinks {

    private static final Logger LOG = LoggerFactory.getLogger(SignInLinks.class);

    /** A link that may be used: whose it is and where to go after. */
    public record Usable(SignInLink link, Person person) {
    }

    private final SignInLinkRepository links;
    private final PersonRepository people;
    private final OutboxRepository outbox;
    private final Optional<OutboxWorker> worker;
    private final WebConfig config;
    private final Clock clock;
    private final ExecutorService background;

    SignInLinks(SignInLinkRepository links, PersonRepository people, OutboxRepository outbox,
                Optional<OutboxWorker> worker, WebConfig config, Clock clock,
                @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.links = links;
        this.people = people;
        this.outbox = outbox;
        this.worker = worker;
        this.config = config;
        this.clock = clock;
        this.background = background;
    }

    /** Sends a link to this address if it is a known active person's; returns at once either way. */
    public void request(String email, @Nullable String nextPath) {
        background.execute(() -> {
            try {
                send(email, nextPath);
            } catch (RuntimeException e) {
                LOG.warn("A sign-in link could not be prepared: {}", e.getMessage());
            }
        });
    }

    void send(String email, @Nullable String nextPath) {
        Optional<Person> person = people.findByEmail(email.strip().toLowerCase(Locale.ROOT)).filter(Person::active);
        Instant now = clock.instant();
        if (person.isEmpty()
                || links.countByPersonIdAndCreatedAtGreaterThan(person.get().id(), now.minus(Duration.ofHours(1)))
                        >= config.signInLinksPerHour()) {
            return;
        }
        String secret = TokenHash.newToken();
        SignInLink link = links.save(new SignInLink(null, TokenHash.of(secret), person.get().id(), nextPath, now,
                now.plus(config.signInLinkValidity()), null));
        WebTexts t = WebTexts.of(person.get().language());
        String firstName = person.get().name().strip().split("\\s+")[0];
        String body = t.formatAll("signin.mail.body", firstName, config.link("/login/" + secret),
                config.signInLinkValidity().toMinutes());
        outbox.save(OutboxMessage.prepared(person.get().id(), MessageKind.SIGN_IN, "SIGN_IN/" + link.id(),
                t.get("signin.mail.subject"), body, null, LocalDate.now(clock), now));
        worker.ifPresent(OutboxWorker::nudge);
    }

    /** The link behind a secret, while it is unused and valid. */
    public Optional<Usable> find(String secret) {
        Instant now = clock.instant();
        return links.findByTokenHash(TokenHash.of(secret))
                .filter(link -> link.usedAt() == null && now.isBefore(link.expiresAt()))
                .flatMap(link -> people.findById(link.personId()).filter(Person::active).map(p -> new Usable(link, p)));
    }

    /** Uses the link: true only for the one request that used it (a second click, or a race, gets false). */
    public boolean use(Usable usable) {
        return links.use(usable.link().id(), clock.instant()) == 1;
    }
}
