package se.ange.tertial.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.OptionHelper;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The service's logging, set up in code (found by logback as a {@link Configurator} service) rather than parsed from
 * a {@code logback.xml}: logback's XML configurator cost about 7 % of the CPU time of a start (issue 17).
 * {@code TERTIAL_LOG_FORMAT=json} writes one JSON object per line (logback's JsonEncoder) for log shipping, anything
 * else readable lines ({@link TertialConfig} refuses a misspelling at start, in readable lines).
 *
 * <p>An explicit logback configuration still wins: {@code -Dlogback.configurationFile=...}, or a
 * {@code logback.xml} / {@code logback-test.xml} on the class path (the tests' own), is left to logback's XML
 * configurator.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public class LogSetup extends ContextAwareBase implements Configurator {

    static final String FORMAT = "TERTIAL_LOG_FORMAT";
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    private static final Map<String, Level> QUIETER = Map.of(
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            // its "JVM won't shutdown until the pool is manually closed" at the first mail: mail.MailNotifier closes it
            "org.simplejavamail.internal.batchsupport.BatchSupport", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (explicitConfiguration()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        setUp(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The service's appender and levels on {@code context}. */
    static void setUp(LoggerContext context) {
        // logback's own start-up report is not for operators: the first screen of the output is the service's own
        NopStatusListener quiet = new NopStatusListener();
        context.getStatusManager().add(quiet);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("json".equals(format(context)) ? "json" : "text");
        console.setEncoder("json".equals(console.getName()) ? json(context) : text(context));
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private static boolean explicitConfiguration() {
        ClassLoader loader = LogSetup.class.getClassLoader();
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null;
    }

    /** As logback reads a variable: the context's property, else the system property, else the environment's. */
    private static String format(LoggerContext context) {
        return OptionHelper.propertyLookup(FORMAT, context, null);
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.start();
        return encoder;
    }
}
