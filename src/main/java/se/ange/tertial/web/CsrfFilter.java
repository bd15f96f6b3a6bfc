package se.ange.tertial.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Refuses every change to a page's state (POST, PUT, PATCH, DELETE on a page path) that does not carry the
 * form's CSRF token, as the {@code _csrf} field or the {@code X-CSRF-Token} header (htmx). The OIDC callback
 * is exempt (its {@code state} parameter does that job), and so is a logout whose session has already ended
 * (its form's token ended with it; logging out clears the cookie). Runs inside the views filter, so the refusal is a page.
 */
@ServerFilter(patternStyle = FilterPatternStyle.REGEX,
        value = WebPaths.PAGES_PATTERN,
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
class CsrfFilter implements Ordered {

    private final FilterBodyParser bodies;
    private final ErrorPages errors;

    CsrfFilter(FilterBodyParser bodies, ErrorPages errors) {
        this.bodies = bodies;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.after();
    }

    /**
     * Non-blocking: the form is read from a split of the body as it arrives, never by parking a thread on it
     * (a blocked filter and the form binder then raced for the body: "Chunk already claimed").
     */
    @RequestFilter
    Publisher<MutableHttpResponse<?>> check(HttpRequest<?> request,
                                            FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        if (request.getPath().startsWith("/oauth/callback/")
                || request.getPath().equals("/logout") && Pages.authentication(request).isEmpty()) {
            return next.proceed(); // state protects the callback; a logout without a session has nothing to protect
        }
        String header = request.getHeaders().get(Csrf.HEADER);
        CompletableFuture<String> token = header != null ? CompletableFuture.completedFuture(header)
                : isMultipart(request) ? multipartField(request)
                : isForm(request) ? formField(request)
                : CompletableFuture.completedFuture(null);
        CompletableFuture<Boolean> accepted = token.exceptionally(unreadable -> null)
                .thenApply(given -> Csrf.accepts(request, given));
        return Mono.fromFuture(accepted).flatMap(ok -> ok ? Mono.from(next.proceed())
                : Mono.<MutableHttpResponse<?>>just(errors.csrfRefused(request)));
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType().filter(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).isPresent();
    }

    private static boolean isMultipart(HttpRequest<?> request) {
        return request.getContentType().filter(type -> type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).isPresent();
    }

    private CompletableFuture<String> formField(HttpRequest<?> request) {
        return bodies.parseBody(request).thenApply(form -> form.get(Csrf.FIELD) instanceof String text ? text : null);
    }

    private static CompletableFuture<String> multipartField(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return CompletableFuture.completedFuture(null);
        }
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        try (CloseableByteBody copy = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST)) {
            // toByteArray consumes the buffered copy; the request's own body stays for the controller
            return copy.buffer().thenApply(bytes -> MultipartField.value(bytes.toByteArray(), contentType, Csrf.FIELD));
        }
    }
}
