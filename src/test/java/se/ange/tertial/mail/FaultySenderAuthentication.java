package se.ange.tertial.mail;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * For tests of a reply that breaks the handling after it was kept: while {@link #broken} is set, reading the
 * {@code Authentication-Results} of a mail with the header {@code X-Test-Fault} throws, as a parser bug would.
 * Only where {@code tertial.test.inbound-fault} is set.
 */
@Singleton
@Replaces(SenderAuthentication.class)
@Requires(property = "tertial.test.inbound-fault")
class FaultySenderAuthentication extends SenderAuthentication {

    volatile boolean broken;

    FaultySenderAuthentication(MailConfig config) {
        super(config);
    }

    @Override
    public boolean failed(MimeMessage message) {
        try {
            if (broken && message.getHeader("X-Test-Fault") != null) {
                throw new IllegalStateException("Authentication-Results could not be parsed (test fault)");
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return super.failed(message);
    }
}
