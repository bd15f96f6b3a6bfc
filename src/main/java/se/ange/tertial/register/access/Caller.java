package se.ange.tertial.register.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.Map;
import java.util.Set;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.org.Role;

/**
 * Who is calling: the name shown in the audit log (a person's e-mail, or a token's name when no person
 * stands behind it), the credential used, and the roles and organisational scope that decide what they
 * may read and change. {@code deputyFor}: people absent today whose deputy the caller is.
 */
public record Caller(String name, String credential, @Nullable Long personId, Set<Role> roles,
                     @Nullable Long departmentId, @Nullable Long unitId, Set<Long> deputyFor) {

    static final String ATTRIBUTE = "tertial.caller";

    public Caller {
        roles = Set.copyOf(roles);
        deputyFor = Set.copyOf(deputyFor);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Actor actor(Channel channel) {
        return new Actor(name, personId, channel, credential);
    }

    Authentication toAuthentication() {
        return toAuthentication(Map.of());
    }

    /** As an authentication, with further attributes (a web session's). */
    public Authentication toAuthentication(Map<String, Object> attributes) {
        Map<String, Object> all = new java.util.HashMap<>(attributes);
        all.put(ATTRIBUTE, this);
        return Authentication.build(name, roles.stream().map(Role::name).toList(), all);
    }

    public static Caller of(Authentication authentication) {
        Object caller = authentication.getAttributes().get(ATTRIBUTE);
        if (caller instanceof Caller known) {
            return known;
        }
        throw new IllegalStateException("Authentication without a Tertial caller: " + authentication.getName());
    }
}
