package se.ange.tertial.register.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import se.ange.tertial.register.org.Role;

/**
 * A GATEWAY credential does one thing: post received mail to {@value #INBOUND}. Everywhere else it is
 * refused (403), before any other rule could let it through as "authenticated" or "anonymous".
 */
@Singleton
class GatewayScope implements SecurityRule<HttpRequest<?>> {

    static final String INBOUND = "/api/mail/inbound";

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 1000; // decides first
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null || request == null || !authentication.getRoles().contains(Role.GATEWAY.name())) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        boolean intake = request.getMethod() == HttpMethod.POST && INBOUND.equals(request.getPath());
        return Publishers.just(intake ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.REJECTED);
    }
}
