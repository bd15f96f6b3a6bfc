package se.ange.tertial.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A page asked for without a session goes to the sign-in page and comes back after it; a page the viewer may
 * not see answers 403 with a page that says so. The API's refusals stay problems (401/403 JSON).
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class PageRejections extends DefaultAuthorizationExceptionHandler {

    private final ErrorPages errors;

    PageRejections(ErrorResponseProcessor<?> processor, RedirectConfiguration redirects, RedirectService redirectService,
                   List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges,
                   @Nullable PriorToLoginPersistence priorToLogin, ErrorPages errors) {
        super(processor, redirects, redirectService, challenges, priorToLogin);
        this.errors = errors;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        String path = request.getPath();
        if (!WebPaths.isPage(path)) {
            return super.handle(request, exception);
        }
        if (exception.isForbidden()) {
            return errors.forbidden(request);
        }
        String back = request.getUri().getRawQuery() == null ? path : path + "?" + request.getUri().getRawQuery();
        return Pages.seeOther(request, "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }
}
