package se.ange.tertial.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The service's mailbox for replies ({@code tertial.mail.imap.*}); no host, no polling. Password login,
 * or OAuth2 (XOAUTH2) with client credentials as Exchange Online requires: set {@code oauth2-token-url},
 * {@code oauth2-client-id}, {@code oauth2-client-secret} and {@code oauth2-scope}
 * (e.g. {@code https://outlook.office365.com/.default}).
 *
 * @param protocol        {@code imaps} (TLS, port 993) or {@code imap} (STARTTLS when offered)
 * @param processedFolder handled messages are moved here, so nothing is handled twice
 * @param idle            keep a connection in IMAP IDLE so replies are handled within seconds (when the
 *                        server offers IDLE); the poll stays as the safety net
 * @param idleRenew       how often the IDLE is interrupted and renewed (servers drop it after 29–30 minutes)
 * @param reconnectFirst  the wait before reopening a lost IDLE connection, doubling with each failure in a row
 * @param reconnectMax    the longest such wait
 */
@ConfigurationProperties("tertial.mail.imap")
public record ImapConfig(@Nullable String host, @Bindable(defaultValue = "993") int port,
                         @Bindable(defaultValue = "imaps") String protocol, @Nullable String username,
                         @Nullable String password, @Bindable(defaultValue = "INBOX") String folder,
                         @Bindable(defaultValue = "Tertial-behandlade") String processedFolder,
                         @Nullable String oauth2TokenUrl, @Nullable String oauth2ClientId,
                         @Nullable String oauth2ClientSecret, @Nullable String oauth2Scope,
                         @Bindable(defaultValue = "10000") int timeoutMillis,
                         @Bindable(defaultValue = "true") boolean idle,
                         @Bindable(defaultValue = "9m") Duration idleRenew,
                         @Bindable(defaultValue = "2s") Duration reconnectFirst,
                         @Bindable(defaultValue = "5m") Duration reconnectMax) {

    boolean oauth2() {
        return oauth2TokenUrl != null && !oauth2TokenUrl.isBlank();
    }
}
