package se.ange.tertial.mail;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;

/**
 * One kind of message rendered from {@code mail/<name>.html} and {@code mail/<name>.txt} with Thymeleaf,
 * its texts from {@code mail/<name>_<lang>.properties}: Swedish by default, English when the person chose it.
 */
public final class MailTemplates {

    /** Parsed once: every Swedish message asks for it. */
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    /** The patterns of the message bundles (a fixed set), parsed. */
    private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

    private final String name;
    private final TemplateEngine html;
    private final TemplateEngine text;

    public MailTemplates(String name) {
        this.name = name;
        this.html = engine(".html", "mail." + name);
        this.text = engine(".txt", "mail." + name);
    }

    public String html(Context context) {
        return html.process(name, context);
    }

    public String text(Context context) {
        return text.process(name, context);
    }

    /** The message's bundle in the language, for subjects and headings built in code. */
    public ResourceBundle texts(Language language) {
        return ResourceBundle.getBundle("mail." + name, locale(language));
    }

    public static Locale locale(Language language) {
        return language == Language.EN ? Locale.ENGLISH : SWEDISH;
    }

    /**
     * {@link MessageFormat#format(String, Object...)}, the pattern parsed once: a reminder formats a dozen texts from
     * a handful of patterns, and parsing was most of it. A parsed format is not safe to share, so each use has a copy.
     */
    public static String format(String pattern, Object... arguments) {
        return ((MessageFormat) FORMATS.computeIfAbsent(pattern, MessageFormat::new).clone()).format(arguments);
    }

    public static String date(LocalDate date, Language language) {
        return Dates.full(date, language);
    }

    /** Day and month only ("30 april"), for subjects. */
    public static String dayMonth(LocalDate date, Language language) {
        return Dates.dayMonth(date, language);
    }

    /** What a message calls the person: the first name ("Emma" for "Emma Berglund"), the whole name when single. */
    public static String firstName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        String name = fullName.strip();
        String afterComma = name.substring(name.indexOf(',') + 1).strip(); // "Berglund, Emma"
        return (afterComma.isEmpty() ? name : afterComma).split(" ", 2)[0];
    }

    /** The template mode follows the suffix (.html HTML, .txt TEXT); parsed templates are cached, the resolver's default. */
    private static TemplateEngine engine(String suffix, String bundle) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleMessages(bundle));
        return engine;
    }

    /** Messages from the bundle, read as UTF-8 by ResourceBundle. */
    private record BundleMessages(String bundle) implements IMessageResolver {
        @Override
        public String getName() {
            return "tertial-bundle";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            try {
                String pattern = ResourceBundle.getBundle(bundle, context.getLocale()).getString(key);
                return parameters == null || parameters.length == 0 ? pattern : MessageFormat.format(pattern, parameters);
            } catch (MissingResourceException e) {
                return null;
            }
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                        Object[] parameters) {
            return "??" + key + "??";
        }
    }
}
