package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.naming.NameUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import se.ange.tertial.Application;

/**
 * {@code config/README.md} is the list of settings: every setting the code declares is in it under the
 * environment variable that sets it, and it names no {@code TERTIAL_*} / {@code SLACK_*} variable the code
 * does not read. The settings are found in the compiled classes ({@code @ConfigurationProperties} records and
 * classes, {@code @Value}/{@code @Property} and other {@code ${…}} placeholders, {@code @Requires(property)})
 * and in {@code application.yml} (its placeholders, and the variables it maps settings to, such as
 * {@code SLACK_BOT_TOKEN}). {@code docker/compose.yml} sets only such variables, and its Mailpit is pinned and
 * reachable from this machine only. A variable counts as listed when it is written out in full in backticks.
 */
@SuppressWarnings("unchecked")
class ConfigReadmeTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");
    private static final Pattern DOCUMENTED = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    private static final Path README = Path.of("config/README.md");
    private static final Path COMPOSE = Path.of("docker/compose.yml");

    /** Setting key → the environment variable that sets it. */
    static Map<String, String> settings() {
        Set<String> keys = new TreeSet<>();
        Map<String, String> mappedInYaml = new TreeMap<>();
        for (Class<?> type : applicationClasses()) {
            keys.addAll(configurationProperties(type));
            keys.addAll(placeholdersAndRequirements(type));
        }
        Map<String, Object> yaml = flatten("", new Yaml().load(resource("application.yml")));
        yaml.forEach((key, value) -> {
            if (value instanceof String text) {
                Matcher placeholder = PLACEHOLDER.matcher(text);
                while (placeholder.find()) {
                    String name = placeholder.group(1).trim();
                    if (name.equals(name.toUpperCase(Locale.ROOT))) {
                        mappedInYaml.put(key, name);   // tertial.slack.bot-token: ${SLACK_BOT_TOKEN:}
                        keys.add(key);
                    } else {
                        keys.add(name);                // ${tertial.data-dir:./data}
                    }
                }
            }
        });
        Map<String, String> settings = new TreeMap<>();
        keys.forEach(key -> settings.put(key, mappedInYaml.getOrDefault(key, environmentName(key))));
        return settings;
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    @Test
    void the_scan_finds_the_settings_of_every_feature() {
        assertThat(settings()).containsKeys("tertial.zone", "tertial.demo-data", "tertial.demo-year", "tertial.data-dir",
                        "tertial.mail.smtp.host", "tertial.mail.imap.oauth2-token-url", "tertial.reminders.send-at",
                        "tertial.outbox.max-attempts", "tertial.outbox.poll-interval", "tertial.scheduler.enabled",
                        "tertial.digest.send-at", "tertial.report.auto-close-days", "tertial.security.oidc.issuer",
                        "tertial.teams.app-id", "tertial.register.cache-ttl")
                .containsEntry("tertial.slack.signing-secret", "SLACK_SIGNING_SECRET")
                .containsEntry("tertial.mail.imap.oauth2-token-url", "TERTIAL_MAIL_IMAP_OAUTH2_TOKEN_URL");
    }

    @Test
    void config_readme_lists_every_setting_the_code_reads() throws IOException {
        Set<String> documented = documented(Files.readString(README));
        List<String> missing = settings().entrySet().stream().filter(e -> !documented.contains(e.getValue()))
                .map(e -> e.getValue() + " (" + e.getKey() + ")").toList();
        assertThat(missing).as("settings the code reads that config/README.md does not list").isEmpty();
    }

    @Test
    void config_readme_lists_no_tertial_or_slack_variable_the_code_does_not_read() throws IOException {
        Set<String> real = new TreeSet<>(settings().values());
        real.addAll(composeOnlyVariables());
        List<String> unknown = documented(Files.readString(README)).stream()
                .filter(name -> name.startsWith("TERTIAL_") || name.startsWith("SLACK_"))
                .filter(name -> !real.contains(name)).toList();
        assertThat(unknown).as("variables in config/README.md that nothing reads").isEmpty();
    }

    @Test
    void compose_sets_only_settings_the_code_reads() throws IOException {
        Set<String> real = new TreeSet<>(settings().values());
        List<String> unknown = composeEnvironment().stream()
                .filter(name -> !real.contains(name))
                .filter(name -> !name.startsWith("DATASOURCES_DEFAULT_") && !name.startsWith("MICRONAUT_")
                        && !name.equals("JAVA_TOOL_OPTIONS"))
                .toList();
        assertThat(composeEnvironment()).isNotEmpty();
        assertThat(unknown).as("variables docker/compose.yml sets for the service that nothing reads").isEmpty();
    }

    @Test
    void compose_pins_mailpit_and_keeps_it_on_the_loopback_interface() throws IOException {
        Map<String, Object> mail = service("mail");
        assertThat((String) mail.get("image")).matches("axllent/mailpit:v\\d+\\.\\d+(\\.\\d+)?");
        assertThat((List<String>) mail.get("ports")).isNotEmpty().allMatch(port -> port.startsWith("127.0.0.1:"));
    }

    @Test
    void the_example_files_in_config_set_only_settings_the_code_reads() throws IOException {
        Set<String> real = settings().keySet();
        for (String file : List.of("config/application-h2.yml", "config/application-postgres.yml")) {
            Map<String, Object> yaml = flatten("", new Yaml().load(Files.readString(Path.of(file))));
            assertThat(yaml.keySet()).as(file).contains("tertial.zone")
                    .filteredOn(key -> key.startsWith("tertial.")).allMatch(real::contains);
        }
    }

    static Set<String> documented(String markdown) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = DOCUMENTED.matcher(markdown);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** What docker/compose.yml sets in the service's environment. */
    @SuppressWarnings("unchecked")
    private static Set<String> composeEnvironment() throws IOException {
        return new TreeSet<>(((Map<String, Object>) service("tertial").get("environment")).keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    /** Variables only docker/compose.yml reads (${TERTIAL_PORTS:-8080}), not the service. */
    private static Set<String> composeOnlyVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(Files.readString(COMPOSE));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    // ---- the scan ----------------------------------------------------------------------------------

    private static List<Class<?>> applicationClasses() {
        try {
            Path root = Path.of(Application.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                List<Class<?>> classes = new ArrayList<>();
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                            .replaceAll("\\.class$", "");
                    if (name.startsWith("se.ange.tertial.")) {
                        classes.add(Class.forName(name, false, ConfigReadmeTest.class.getClassLoader()));
                    }
                }
                assertThat(classes).hasSizeGreaterThan(100);
                return classes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> configurationProperties(Class<?> type) {
        Set<String> keys = new TreeSet<>();
        String prefix = prefix(type);
        if (prefix == null) {
            return keys;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                keys.add(prefix + "." + NameUtils.hyphenate(component.getName()));
            }
        } else {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    keys.add(prefix + "." + NameUtils.hyphenate(field.getName()));
                }
            }
        }
        return keys;
    }

    /** The full prefix; an inner configuration class's prefix is below its outer one's. */
    private static String prefix(Class<?> type) {
        ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
        if (properties == null) {
            return null;
        }
        String outer = type.getEnclosingClass() == null ? null : prefix(type.getEnclosingClass());
        return outer == null ? properties.value() : outer + "." + properties.value();
    }

    private static Set<String> placeholdersAndRequirements(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
        elements.addAll(Arrays.asList(type.getDeclaredFields()));
        List<Executable> executables = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
        executables.addAll(Arrays.asList(type.getDeclaredMethods()));
        for (Executable executable : executables) {
            elements.add(executable);
            for (Parameter parameter : executable.getParameters()) {
                elements.add(parameter);
            }
        }
        Set<String> keys = new TreeSet<>();
        for (AnnotatedElement element : elements) {
            for (Requires requires : element.getAnnotationsByType(Requires.class)) {
                if (!requires.property().isEmpty()) {
                    keys.add(requires.property());
                }
            }
            for (Annotation annotation : element.getDeclaredAnnotations()) {
                collectPlaceholders(annotation, keys);
            }
        }
        return keys;
    }

    private static void collectPlaceholders(Object value, Set<String> keys) {
        if (value instanceof String text) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                keys.add(placeholder.group(1).trim());
            }
        } else if (value instanceof Object[] values) {
            for (Object each : values) {
                collectPlaceholders(each, keys);
            }
        } else if (value instanceof Annotation annotation) {
            for (Method attribute : annotation.annotationType().getDeclaredMethods()) {
                try {
                    collectPlaceholders(attribute.invoke(annotation), keys);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(String prefix, Map<String, Object> yaml) {
        Map<String, Object> flat = new TreeMap<>();
        yaml.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flat.putAll(flatten(path, (Map<String, Object>) nested));
            } else {
                flat.put(path, value);
            }
        });
        return flat;
    }

    private static String resource(String name) {
        try (InputStream in = ConfigReadmeTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
