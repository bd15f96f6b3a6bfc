package se.ange.tertial.web;

import java.util.regex.Pattern;

/**
 * Which paths are the web workspace's: authenticated by the session cookie, protected by CSRF tokens,
 * answered with pages (a redirect to sign in, a 403 page) rather than problems, and under the pages' CSP.
 * Everything else (the API, Slack, Teams, health) keeps bearer tokens and JSON.
 */
public final class WebPaths {

    /** Every path but the API's, Slack's, health, Swagger and static files (a filter pattern needs a constant). */
    public static final String PAGES_PATTERN = "^(?!/api/|/slack/|/health|/swagger/|/webjars/|/static/).*";
    private static final Pattern PAGES = Pattern.compile(PAGES_PATTERN);

    private WebPaths() {
    }

    public static boolean isPage(String path) {
        return PAGES.matcher(path).matches();
    }
}
