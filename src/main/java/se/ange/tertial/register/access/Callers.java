package se.ange.tertial.register.access;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.register.org.PersonAbsenceRepository;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.PersonRole;
import se.ange.tertial.register.org.PersonRoleRepository;
import se.ange.tertial.register.org.Role;

/** Turns a verified identity (an e-mail, a token) into a {@link Caller} with the register's roles. */
@Singleton
public class Callers {

    private final PersonRepository people;
    private final PersonRoleRepository roles;
    private final PersonAbsenceRepository absences;
    private final Clock clock;

    private final SecurityConfig config;
    private final ApiTokenRepository tokens;
    private final TokensWithPerson tokensWithPerson;

    Callers(PersonRepository people, PersonRoleRepository roles, PersonAbsenceRepository absences, Clock clock,
            SecurityConfig config, ApiTokenRepository tokens, TokensWithPerson tokensWithPerson) {
        this.tokensWithPerson = tokensWithPerson;
        this.config = config;
        this.tokens = tokens;
        this.people = people;
        this.roles = roles;
        this.absences = absences;
        this.clock = clock;
    }

    /** An active person known by this e-mail, with all their roles; empty for strangers and the inactive. */
    public Optional<Caller> byEmail(String email, String credential) {
        return people.findByEmail(email.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(Person::active)
                .map(person -> new Caller(person.email(), credential, person.id(), rolesOf(person), person.departmentId(),
                        person.unitId(), deputyFor(person)));
    }

    /** An active person by id, with all their roles. */
    public Optional<Caller> byPersonId(Long personId, String credential) {
        return people.findById(personId).filter(Person::active).flatMap(person -> byEmail(person.email(), credential));
    }

    /** A token's caller: the token's role, acting as its person (when it has one) within their scope. */
    Optional<Caller> forToken(ApiToken token) {
        return forToken(token, () -> people.findById(token.personId()), this::deputyFor);
    }

    /**
     * The caller of a valid (unrevoked) token with this hash: the token, its person and whom the person stands in
     * for read in one query.
     */
    Optional<Caller> forTokenHash(String tokenHash) {
        return tokensWithPerson.find(tokenHash).flatMap(found -> forToken(found.token(), found::person, person ->
                standingInFor(found.deputyOf(), absent -> found.absences().getOrDefault(absent.id(), List.of()))));
    }

    private Optional<Caller> forToken(ApiToken token, Supplier<Optional<Person>> person,
                                      Function<Person, Set<Long>> deputyFor) {
        if (token.personId() == null || token.role() == Role.GATEWAY) { // a gateway never acts as a person
            return Optional.of(new Caller(token.name(), token.name(), null, Set.of(token.role()), null, null, Set.of()));
        }
        return person.get().filter(Person::active)
                .map(found -> new Caller(found.email(), token.name(), found.id(), Set.of(token.role()),
                        found.departmentId(), found.unitId(), deputyFor.apply(found)));
    }

    /**
     * The first admin's sign-in to the web pages with a key instead of a person: the bootstrap token, or an
     * admin API token (the first-start token among them). Empty for anything else.
     */
    public Optional<AdminKey> adminKey(String secret) {
        String bootstrap = config.bootstrapAdminToken();
        if (bootstrap != null && !bootstrap.isBlank() && TokenHash.sameSecret(secret, bootstrap)) {
            return Optional.of(new AdminKey(null));
        }
        if (!secret.startsWith(TokenHash.PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHashAndRevokedAtIsNull(TokenHash.of(secret))
                .filter(token -> token.role() == Role.ADMIN).map(token -> new AdminKey(token.id()));
    }

    /** The caller of a session signed in with an admin key, while the key is valid. */
    public Optional<Caller> forAdminKey(AdminKey key) {
        if (key.apiTokenId() == null) {
            String bootstrap = config.bootstrapAdminToken();
            return bootstrap == null || bootstrap.isBlank() ? Optional.empty() : Optional.of(bootstrapAdmin());
        }
        return tokens.findById(key.apiTokenId()).filter(token -> token.revokedAt() == null).flatMap(this::forToken);
    }

    /** An admin key that signed in: an API token's id, or null for the bootstrap token. */
    public record AdminKey(@Nullable Long apiTokenId) {
    }

    static Caller bootstrapAdmin() {
        return new Caller("bootstrap-admin", "bootstrap-admin", null, Set.of(Role.ADMIN), null, null, Set.of());
    }

    /** The people who have this person as deputy and are absent today. */
    private Set<Long> deputyFor(Person person) {
        return standingInFor(people.findByDeputyId(person.id()), absent -> absences.findByPersonId(absent.id()));
    }

    /** Of the people who have someone as deputy, the active ones away today (their absences asked only for those). */
    private Set<Long> standingInFor(List<Person> deputyOf, Function<Person, List<PersonAbsence>> absencesOf) {
        LocalDate today = LocalDate.now(clock);
        return deputyOf.stream().filter(Person::active)
                .filter(absent -> absencesOf.apply(absent).stream().anyMatch(a -> a.covers(today)))
                .map(Person::id).collect(Collectors.toSet());
    }

    private Set<Role> rolesOf(@Nullable Person person) {
        return roles.findByPersonId(person.id()).stream().map(PersonRole::role)
                .filter(role -> role != Role.GATEWAY) // a token's role, never a person's
                .collect(Collectors.toSet());
    }
}
