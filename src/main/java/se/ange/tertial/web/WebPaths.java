package se.ange.tertial.web;

import java.util.List;

/**
 * Which paths are the web workspace's: authenticated by the session cookie, protected by CSRF tokens,
 * answered with pages (a redirect to sign in, a 403 page) rather than problems, and under the pages' CSP.
 * Everything else (the API, Slack, Teams, health) keeps bearer tokens and JSON.
 */
public final class WebPaths {

    private static final List<String> NOT_PAGES = List.of("/api/", "/slack/", "/health", "/swagger/", "/webjars/",
            "/static/");

    private WebPaths() {
    }

    public static boolean isPage(String path) {
        return NOT_PAGES.stream().noneMatch(path::startsWith);
    }
}
