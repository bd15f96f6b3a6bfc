package se.ange.tertial.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;

/**
 * Settings under {@code tertial.web.*}.
 *
 * @param baseUrl            the address people reach Tertial at ({@code TERTIAL_WEB_BASE_URL}): links in mails
 *                           point there (shared by mail, digest and the pages, hence in system), and with {@code https://} the session cookie is {@code Secure}
 * @param sessionIdleTimeout a session unused this long ends
 * @param sessionMaxAge      a session ends this long after sign-in, used or not
 * @param signInLinkValidity how long an e-mailed sign-in link works (it works once)
 * @param signInLinksPerHour sign-in links one address may be sent per hour (more requests get the same
 *                           answer, and no mail)
 * @param signInRequestsPerMinute sign-in requests (links and keys) one client address may make per minute
 */
@ConfigurationProperties("tertial.web")
public record WebConfig(@Bindable(defaultValue = "http://localhost:8080") URI baseUrl,
                        @Bindable(defaultValue = "60m") Duration sessionIdleTimeout,
                        @Bindable(defaultValue = "12h") Duration sessionMaxAge,
                        @Bindable(defaultValue = "15m") Duration signInLinkValidity,
                        @Bindable(defaultValue = "5") @Min(1) int signInLinksPerHour,
                        @Bindable(defaultValue = "10") @Min(1) int signInRequestsPerMinute) {

    /** The settings with their defaults, at a base address (messages rendered outside the service, tests). */
    public static WebConfig at(String baseUrl) {
        return new WebConfig(URI.create(baseUrl), Duration.ofMinutes(60), Duration.ofHours(12), Duration.ofMinutes(15),
                5, 10);
    }

    public boolean secureCookies() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    /** An absolute link to a page, for mails. */
    public String link(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
