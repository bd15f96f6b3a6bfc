package se.ange.tertial.audit;

import io.micronaut.core.annotation.Nullable;
import se.ange.tertial.followup.Channel;

/**
 * Who makes a change and how: the person (or a credential's name when no person stands behind it), the
 * credential used (an API token's name, "oidc", …) and the channel.
 */
public record Actor(String name, @Nullable Long personId, Channel channel, @Nullable String credential) {

    public static Actor system(String name) {
        return new Actor(name, null, Channel.SYSTEM, null);
    }
}
