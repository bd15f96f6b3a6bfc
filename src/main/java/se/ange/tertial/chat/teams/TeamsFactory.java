package se.ange.tertial.chat.teams;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

@Factory
class TeamsFactory {

    @Singleton
    @Requires(property = "tertial.teams.app-id", pattern = ".+")
    BotFrameworkTokens botFrameworkTokens(TeamsSettings settings, Clock clock) {
        return new BotFrameworkTokens(settings, clock);
    }
}
