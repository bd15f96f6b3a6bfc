package se.ange.tertial.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The SMTP server ({@code TERTIAL_MAIL_SMTP_HOST}, …). Without a host (the embedded default) mails are
 * written as .eml files under {@code <data dir>/outbox/} instead, so a newcomer can read them.
 *
 * @param transport SMTP (plain or opportunistic STARTTLS), SMTP_TLS (STARTTLS required) or SMTPS
 */
@ConfigurationProperties("tertial.mail.smtp")
public record SmtpConfig(@Nullable String host, @Bindable(defaultValue = "25") int port, @Nullable String username,
                         @Nullable String password, @Bindable(defaultValue = "SMTP") String transport,
                         @Bindable(defaultValue = "10000") int timeoutMillis) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
