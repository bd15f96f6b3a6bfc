package se.ange.tertial.register.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.org.Role;

/** API tokens, for admins: create (the secret is in the answer, once), list, revoke. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/tokens")
@Secured("ADMIN")
class TokenController {

    @Serdeable
    record NewToken(@NotBlank @Size(max = 100) String name, @NotNull Role role, @Nullable String person) {
    }

    @Serdeable
    record TokenJson(long id, String name, Role role, @Nullable Long personId, String createdBy, Instant createdAt,
                     @Nullable Instant revokedAt, @Nullable String token) {
        static TokenJson of(ApiToken t, @Nullable String secret) {
            return new TokenJson(t.id(), t.name(), t.role(), t.personId(), t.createdBy(), t.createdAt(), t.revokedAt(),
                    secret);
        }
    }

    private final ApiTokens tokens;
    private final ApiTokenRepository repository;

    TokenController(ApiTokens tokens, ApiTokenRepository repository) {
        this.tokens = tokens;
        this.repository = repository;
    }

    @Post
    HttpResponse<TokenJson> create(@Body @Valid NewToken request, Authentication authentication) {
        ApiTokens.Created created = tokens.create(request.name(), request.role(), request.person(),
                Caller.of(authentication).actor(Channel.API));
        return HttpResponse.created(TokenJson.of(created.token(), created.secret()));
    }

    @Get
    List<TokenJson> list() {
        return repository.findAllOrderById().stream().map(t -> TokenJson.of(t, null)).toList();
    }

    @Delete("/{id}")
    TokenJson revoke(@PathVariable long id, Authentication authentication) {
        return TokenJson.of(tokens.revoke(id, Caller.of(authentication).actor(Channel.API)), null);
    }
}
