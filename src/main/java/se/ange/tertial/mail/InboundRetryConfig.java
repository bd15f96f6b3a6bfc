package se.ange.tertial.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How received mail that could not be kept or handled is tried again ({@code tertial.mail.inbound-retry.*}):
 * after {@code first}, doubling with each failure in a row, at most {@code max} apart. It applies to a reply
 * still in the mailbox because the database could not store it, and to a kept reply whose handling failed.
 */
@ConfigurationProperties("tertial.mail.inbound-retry")
public record InboundRetryConfig(@Bindable(defaultValue = "5s") Duration first,
                                 @Bindable(defaultValue = "5m") Duration max) {

    Backoff backoff() {
        return new Backoff(first, max);
    }
}
