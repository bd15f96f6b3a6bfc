package se.ange.tertial.chat.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The Slack app ({@code tertial.slack.*}), from Slack's usual environment variables: {@code SLACK_SIGNING_SECRET}
 * and {@code SLACK_BOT_TOKEN}. Without a signing secret the Slack endpoint is off.
 *
 * @param apiUrl  Slack's Web API base URL; tests point it at a local stub
 * @param command the slash command's name
 * @param appToken an app-level token ({@code SLACK_APP_TOKEN}, xapp-…): Socket Mode instead of the HTTP endpoint
 * @param answerWithin how long an answer may take to go with the acknowledgement (Slack allows 3 s in all);
 *                     a slower one is acknowledged at once and sent through {@code response_url}
 */
@ConfigurationProperties("tertial.slack")
public record SlackSettings(@Nullable String signingSecret, @Nullable String botToken,
                            @Bindable(defaultValue = "https://slack.com/api/") String apiUrl,
                            @Bindable(defaultValue = "/tertial") String command, @Nullable String appToken,
                            @Bindable(defaultValue = "2s") Duration answerWithin) {

    public boolean enabled() {
        return signingSecret != null && !signingSecret.isBlank();
    }
}
