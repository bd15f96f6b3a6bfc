package se.ange.tertial.register.access;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.PersonRole;
import se.ange.tertial.register.org.PersonRoleRepository;
import se.ange.tertial.register.org.Role;

/** Turns a verified identity (an e-mail, a token) into a {@link Caller} with the register's roles. */
@Singleton
public class Callers {

    private final PersonRepository people;
    private final PersonRoleRepository roles;

    Callers(PersonRepository people, PersonRoleRepository roles) {
        this.people = people;
        this.roles = roles;
    }

    /** An active person known by this e-mail, with all their roles; empty for strangers and the inactive. */
    public Optional<Caller> byEmail(String email, String credential) {
        return people.findByEmail(email.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(Person::active)
                .map(person -> new Caller(person.email(), credential, person.id(), rolesOf(person), person.departmentId(),
                        person.unitId()));
    }

    /** A token's caller: the token's role, acting as its person (when it has one) within their scope. */
    Optional<Caller> forToken(ApiToken token) {
        if (token.personId() == null) {
            return Optional.of(new Caller(token.name(), token.name(), null, Set.of(token.role()), null, null));
        }
        return people.findById(token.personId()).filter(Person::active)
                .map(person -> new Caller(person.email(), token.name(), person.id(), Set.of(token.role()),
                        person.departmentId(), person.unitId()));
    }

    static Caller bootstrapAdmin() {
        return new Caller("bootstrap-admin", "bootstrap-admin", null, Set.of(Role.ADMIN), null, null);
    }

    private Set<Role> rolesOf(@Nullable Person person) {
        return roles.findByPersonId(person.id()).stream().map(PersonRole::role).collect(Collectors.toSet());
    }
}
