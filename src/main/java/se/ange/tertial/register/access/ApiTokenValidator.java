package se.ange.tertial.register.access;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * Accepts the bootstrap admin token (when configured) and the register's API tokens. Each request looks
 * the token (with its person, one query) up afresh, so a revoked token is refused at once.
 */
@Singleton
class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final SecurityConfig config;
    private final Callers callers;
    private final ExecutorService blocking;

    ApiTokenValidator(SecurityConfig config, Callers callers,
                      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.config = config;
        this.callers = callers;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        String bootstrap = config.bootstrapAdminToken();
        if (bootstrap != null && !bootstrap.isBlank() && TokenHash.sameSecret(token, bootstrap)) {
            return Publishers.just(Callers.bootstrapAdmin().toAuthentication());
        }
        if (!token.startsWith(TokenHash.PREFIX)) {
            return Publishers.empty();
        }
        CompletableFuture<Optional<Authentication>> lookup = CompletableFuture.supplyAsync(() ->
                callers.forTokenHash(TokenHash.of(token)).map(Caller::toAuthentication), blocking);
        return Publishers.fromCompletableFuture(() -> lookup.thenApply(found -> found.orElse(null)));
    }
}
