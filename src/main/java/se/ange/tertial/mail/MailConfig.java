package se.ange.tertial.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings under {@code tertial.mail.*}.
 *
 * @param from         the sender, e.g. {@code Tertial <tertial@ange.se>}
 * @param replyAddress the mailbox replies go to; the reply token is added with plus addressing
 *                     ({@code tertial+<token>@ange.se}). Unset: replies go to {@code from}, token in the subject
 * @param replySecret  the key that signs reply tokens ({@code TERTIAL_MAIL_REPLY_SECRET}); unset: one is generated
 *                     and kept in the database
 * @param replyValidDays how long after a tertial's close a reply token is accepted
 */
@ConfigurationProperties("tertial.mail")
public record MailConfig(@Bindable(defaultValue = "Tertial <tertial@kommun.example>") String from,
                         @Nullable String replyAddress, @Nullable String replySecret,
                         @Bindable(defaultValue = "42") int replyValidDays) {
}
