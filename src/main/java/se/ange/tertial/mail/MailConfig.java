package se.ange.tertial.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Settings under {@code tertial.mail.*}.
 *
 * @param from         the sender, e.g. {@code Tertial <tertial@ange.se>}
 * @param replyAddress the mailbox replies go to; the reply token is added with plus addressing
 *                     ({@code tertial+<token>@ange.se}). Unset: replies go to {@code from}, token in the subject
 * @param replySecret  the key that signs reply tokens ({@code TERTIAL_MAIL_REPLY_SECRET}); unset: one is generated
 *                     and kept in the database
 * @param replyPreviousSecrets earlier signing keys, comma-separated: tokens signed with them are still accepted
 *                     until they expire, new ones are signed with {@code replySecret}
 * @param replyValidDays how long after a tertial's close a reply token is accepted
 * @param trustedAuthservId the authserv-id(s), comma-separated, with which the municipality's own receiving
 *                     server stamps {@code Authentication-Results}; only those headers are read. Unset: the
 *                     topmost {@code Authentication-Results} header's authserv-id (the last server's)
 * @param softfailRefuses whether an SPF (or DMARC) {@code softfail} refuses a reply like a {@code fail}
 */
@ConfigurationProperties("tertial.mail")
public record MailConfig(@Bindable(defaultValue = "Tertial <tertial@kommun.example>") String from,
                         @Nullable String replyAddress, @Nullable String replySecret,
                         @Nullable List<String> replyPreviousSecrets,
                         @Bindable(defaultValue = "42") int replyValidDays,
                         @Nullable List<String> trustedAuthservId,
                         @Bindable(defaultValue = "false") boolean softfailRefuses) {
}
