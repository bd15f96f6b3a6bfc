package se.ange.tertial.web;

import se.ange.tertial.system.WebConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.http.MediaType;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.web.signin.SessionAuthentication;

/**
 * Renders a page with what every page's layout needs: the viewer, the words in their language, the form
 * token, the current path (for the menu's {@code aria-current}) and the title.
 */
@Singleton
public class Pages {

    private final WebConfig config;
    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    Pages(WebConfig config, ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.config = config;
        this.renderer = renderer;
    }

    public MutableHttpResponse<?> render(HttpRequest<?> request, String view, Map<String, Object> model) {
        return render(request, HttpStatus.OK, view, model);
    }

    /**
     * Renders the page into the body at once (not in the views filter), so a template error is an ordinary
     * exception: an error page with an incident id, never a response that is cut off.
     */
    public MutableHttpResponse<?> render(HttpRequest<?> request, HttpStatus status, String view, Map<String, Object> model) {
        MutableHttpResponse<?> response = prepare(request, status, view, model);
        @SuppressWarnings("unchecked")
        ModelAndView<Map<String, Object>> page = (ModelAndView<Map<String, Object>>) response.body();
        StringWriter html = new StringWriter();
        try {
            renderer.render(view, page.getModel().orElseThrow(), request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.body(html.toString()).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=UTF-8");
    }

    private MutableHttpResponse<?> prepare(HttpRequest<?> request, HttpStatus status, String view, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        WebTexts texts = texts(request);
        String csrf = Csrf.tokenFor(request);
        Optional<Authentication> authentication = authentication(request);
        all.put("t", texts);
        all.put("lang", texts.language() == Language.EN ? "en" : "sv");
        all.put("csrf", csrf);
        all.put("hxHeaders", "{\"" + Csrf.HEADER + "\": \"" + csrf + "\"}");
        all.put("current", section(request.getPath()));
        all.put("viewer", Viewer.of(authentication.map(Caller::of).orElse(null),
                authentication.map(a -> (String) a.getAttributes().get(SessionAuthentication.DISPLAY_NAME)).orElse(null)));
        all.putIfAbsent("title", texts.get("app.name"));
        MutableHttpResponse<?> response = HttpResponse.status(status).body(new ModelAndView<>(view, all));
        response.getHeaders().add(HttpHeaders.CACHE_CONTROL, "no-store");
        Cookie cookie = Csrf.cookieFor(request, csrf, config.secureCookies());
        if (cookie != null) {
            response.cookie(cookie);
        }
        return response;
    }

    /** Which menu entry a path belongs to (for {@code aria-current}). */
    static String section(String path) {
        if (path.equals("/")) {
            return "overview";
        }
        if (path.startsWith("/mina")) {
            return "mine";
        }
        if (path.startsWith("/aktiviteter")) {
            return "activities";
        }
        if (path.startsWith("/plan")) {
            return "plan";
        }
        if (path.startsWith("/rapport")) {
            return "report";
        }
        if (path.startsWith("/personer")) {
            return "people";
        }
        if (path.startsWith("/utskick")) {
            return "sending";
        }
        return path.startsWith("/installningar") ? "settings" : "other";
    }

    /** After a form: to a page (303, so reload does not post again); htmx follows it in the whole window. */
    public static MutableHttpResponse<?> seeOther(HttpRequest<?> request, String path) {
        if (isHtmx(request)) {
            return HttpResponse.ok().header("HX-Redirect", path);
        }
        return HttpResponse.seeOther(URI.create(path));
    }

    /** A request htmx made (it answers with a fragment, or follows HX-Redirect). */
    public static boolean isHtmx(HttpRequest<?> request) {
        return request.getHeaders().contains("HX-Request");
    }

    public static Optional<Authentication> authentication(HttpRequest<?> request) {
        return request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class);
    }

    /** The viewer's language: their own setting when signed in, else the browser's (English or Swedish). */
    public static WebTexts texts(HttpRequest<?> request) {
        Optional<Object> own = authentication(request).map(a -> a.getAttributes().get(SessionAuthentication.LANGUAGE));
        if (own.isPresent() && own.get() instanceof Language language) {
            return WebTexts.of(language);
        }
        return WebTexts.of(prefersEnglish(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE))
                ? Language.EN : Language.SV);
    }

    static boolean prefersEnglish(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        for (String range : acceptLanguage.split(",")) {
            String tag = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (tag.startsWith("sv") || tag.startsWith("nb") || tag.startsWith("no") || tag.startsWith("da")) {
                return false;
            }
            if (tag.startsWith("en")) {
                return true;
            }
        }
        return false;
    }
}
