package se.ange.tertial.system;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /prometheus}: the metrics in Prometheus' text format, for an admin (web session or API token) or for
 * a scraper bringing {@code Authorization: Bearer <tertial.metrics.token>}. The rule is decided here rather than
 * by {@code @Secured}, because the scrape token is no user: it must not become an authentication that other
 * endpoints would see. Micronaut's own Prometheus endpoint is switched off (application.yml).
 */
@ExecuteOn(TaskExecutors.BLOCKING)   // the outbox gauge may ask the database
@Controller("/prometheus")
@Secured(SecurityRule.IS_ANONYMOUS)
class PrometheusController {

    /** Prometheus' text exposition format, as {@link PrometheusMeterRegistry#scrape()} writes it. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String ADMIN = "ADMIN";

    private final PrometheusMeterRegistry registry;
    private final @Nullable byte[] tokenDigest;

    PrometheusController(PrometheusMeterRegistry registry, MetricsConfig config) {
        this.registry = registry;
        this.tokenDigest = config.token() == null || config.token().isBlank() ? null : sha256(config.token());
    }

    @Get
    HttpResponse<?> scrape(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication != null && authentication.getRoles().contains(ADMIN) || scrapeTokenGiven(request)) {
            return HttpResponse.ok(registry.scrape()).contentType(CONTENT_TYPE);
        }
        if (authentication != null) {
            return ProblemHandlers.response(HttpStatus.FORBIDDEN, "Bara en administratör får läsa mätvärdena", List.of());
        }
        return ProblemHandlers.response(HttpStatus.UNAUTHORIZED,
                "Logga in som administratör eller ange mätvärdesnyckeln (Authorization: Bearer)", List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    /** Compared as digests with {@link MessageDigest#isEqual}: constant time, whatever the lengths. */
    private boolean scrapeTokenGiven(HttpRequest<?> request) {
        if (tokenDigest == null) {
            return false;
        }
        Optional<String> bearer = request.getHeaders().getAuthorization()
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip());
        return bearer.isPresent() && MessageDigest.isEqual(tokenDigest, sha256(bearer.get()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
