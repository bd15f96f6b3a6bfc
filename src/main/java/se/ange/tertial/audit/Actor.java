package se.ange.tertial.audit;

import io.micronaut.core.annotation.Nullable;
import se.ange.tertial.followup.Channel;

/**
 * Who makes a change and through what: a person (when known) or a credential's name, and the channel.
 */
public record Actor(String name, @Nullable Long personId, Channel channel) {

    public static Actor system(String name) {
        return new Actor(name, null, Channel.SYSTEM);
    }
}
