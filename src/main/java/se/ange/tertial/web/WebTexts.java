package se.ange.tertial.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import se.ange.tertial.followup.Language;

/**
 * The pages' words in one language: {@code i18n/web.properties} (layout, sign-in, report form) and one bundle
 * per page ({@code i18n/overview}, {@code activities}, {@code settings}, {@code plan}, {@code rapport}, {@code personer},
 * {@code utskick}); Swedish in the base file, English in
 * {@code _en}. Read without the JVM's default-locale fallback, so Swedish is Swedish on an English server.
 */
public final class WebTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final List<String> BUNDLES = List.of("i18n.web", "i18n.overview", "i18n.activities",
            "i18n.settings", "i18n.plan", "i18n.rapport", "i18n.personer", "i18n.utskick", "i18n.bedomning");

    private final List<ResourceBundle> bundles;
    private final Language language;
    private final Locale locale;

    private WebTexts(Language language) {
        this.language = language;
        this.locale = language == Language.EN ? Locale.ENGLISH : Locale.forLanguageTag("sv");
        this.bundles = BUNDLES.stream().filter(name -> exists(name))
                .map(name -> ResourceBundle.getBundle(name, locale, NO_FALLBACK)).toList();
    }

    private static final WebTexts SWEDISH = new WebTexts(Language.SV);
    private static final WebTexts ENGLISH = new WebTexts(Language.EN);

    public static WebTexts of(Language language) {
        return language == Language.EN ? ENGLISH : SWEDISH;
    }

    public Language language() {
        return language;
    }

    /** The locale of these words (dates, numbers). */
    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        throw new MissingResourceException("No text " + key, "WebTexts", key);
    }

    /** The text, or {@code fallback} where there is none (a code the pages have no words for yet). */
    public String getOrDefault(String key, String fallback) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return fallback;
    }

    private static boolean exists(String bundle) {
        return WebTexts.class.getClassLoader().getResource(bundle.replace('.', '/') + ".properties") != null;
    }

    public String format(String key, Object first) {
        return formatAll(key, first);
    }

    public String format(String key, Object first, Object second) {
        return formatAll(key, first, second);
    }

    public String format(String key, Object first, Object second, Object third) {
        return formatAll(key, first, second, third);
    }

    public String formatAll(String key, Object... arguments) {
        return new MessageFormat(get(key), locale)
                .format(arguments);
    }
}
