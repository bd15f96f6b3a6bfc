package se.ange.tertial.mail;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Absolute links to the web workspace's pages for messages ({@code /mina}, {@code /aktiviteter/{ref}}), at the
 * address people reach Tertial at ({@code tertial.web.base-url}). Read as the web reads it, without depending on
 * the web package (which depends on this one).
 */
@Singleton
public class WebLinks {

    private final String base;

    public WebLinks(@Value("${tertial.web.base-url:`http://localhost:8080`}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The page's absolute address; {@code path} starts with a slash. */
    public String link(String path) {
        return base + path;
    }
}
