package se.ange.tertial.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The benchmarks' HTTP floor: a POST on the same server stack (Netty, routing, security filters, body read)
 * that answers 200 at once. Only when {@code tertial.bench.no-op} is set, so no other test or run has it.
 */
@Requires(property = "tertial.bench.no-op", value = "true")
@Controller("/api/bench/no-op")
@Secured(SecurityRule.IS_ANONYMOUS)
class NoOpController {

    @Post
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    HttpResponse<?> noOp(@Body @Nullable String body) {
        return HttpResponse.ok();
    }
}
