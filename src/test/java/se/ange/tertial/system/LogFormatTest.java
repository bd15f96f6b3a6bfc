package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The service's own {@code logback.xml}: readable lines by default, one JSON object per line with
 * {@code TERTIAL_LOG_FORMAT=json} (set here as a context property, which logback reads like the variable): what the configured appender
 * writes for a line.
 */
class LogFormatTest {

    private static final Path CONFIG = Path.of("src/main/resources/logback.xml");

    @Test
    void text_by_default() throws Exception {
        String out = logWith(null);
        assertThat(out).contains("INFO").contains("Påminnelser skickade: 3").doesNotStartWith("{");
    }

    @Test
    void json_when_asked_one_object_per_line() throws Exception {
        String out = logWith("json");
        String[] lines = out.strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines[0]);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("loggerName").asText()).isEqualTo("se.ange.tertial.schedule.ReminderRun");
        assertThat(line.get("formattedMessage").asText()).isEqualTo("Påminnelser skickade: 3");
        assertThat(line.has("timestamp")).isTrue();
    }

    @Test
    void logback_does_not_print_its_own_start_up_report() throws Exception {
        LoggerContext context = new LoggerContext();
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(CONFIG.toFile());
            assertThat(context.getStatusManager().getCopyOfStatusListenerList())
                    .anyMatch(listener -> listener instanceof ch.qos.logback.core.status.NopStatusListener);
        } finally {
            context.stop();
        }
    }

    /** What the root logger's one appender, as configured, makes of an INFO line. */
    private static String logWith(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        try {
            if (format != null) {
                context.putProperty("TERTIAL_LOG_FORMAT", format);
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(CONFIG.toFile());
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
            root.iteratorForAppenders().forEachRemaining(appenders::add);
            assertThat(appenders).hasSize(1);
            Logger logger = context.getLogger("se.ange.tertial.schedule.ReminderRun");
            LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "Påminnelser skickade: {}", null,
                    new Object[] {3});
            Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) appenders.get(0)).getEncoder();
            return new String(encoder.encode(event), StandardCharsets.UTF_8);
        } finally {
            context.stop();
        }
    }
}
