package se.ange.tertial.chat.teams;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The Teams bot ({@code tertial.teams.*}): the Azure Bot registration's app id and client secret, from the
 * environment ({@code TERTIAL_TEAMS_APP_ID}, {@code TERTIAL_TEAMS_APP_PASSWORD}). Without an app id the
 * Teams endpoint is off. The URLs default to Microsoft's public ones; tests point them at local stubs.
 *
 * @param tenantId           the municipality's Entra tenant for a single-tenant bot (token from that tenant)
 * @param openidMetadataUrl  where Bot Framework publishes its signing keys (inbound JWTs)
 * @param issuer             the {@code iss} of Bot Framework's tokens
 * @param tokenUrl           where the bot gets its own token for the Connector (client credentials)
 * @param scope              the scope asked for that token
 * @param clockSkew          allowed clock difference when checking {@code exp}/{@code nbf}
 * @param channelWebhookUrl  a Teams channel's incoming webhook / Workflows URL for channel posts
 */
@ConfigurationProperties("tertial.teams")
public record TeamsSettings(@Nullable String appId, @Nullable String appPassword, @Nullable String tenantId,
                            @Bindable(defaultValue = "https://login.botframework.com/v1/.well-known/openidconfiguration")
                            String openidMetadataUrl,
                            @Bindable(defaultValue = "https://api.botframework.com") String issuer,
                            @Bindable(defaultValue = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")
                            String tokenUrl,
                            @Bindable(defaultValue = "https://api.botframework.com/.default") String scope,
                            @Bindable(defaultValue = "5m") Duration clockSkew,
                            @Nullable String channelWebhookUrl) {

    public boolean enabled() {
        return appId != null && !appId.isBlank();
    }
}
