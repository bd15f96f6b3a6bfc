package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TertialConfigTest {

    @Test
    void defaults_are_stockholm_demo_data_and_a_four_week_window() {
        // the shipped configuration, but an in-memory database: a test must not write to ./data
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("datasources.default.url", "jdbc:h2:mem:config-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "tertial.scheduler.enabled", "false", "tertial.security.first-start-token", "false"))
                .start()) {
            TertialConfig config = context.getBean(TertialConfig.class);
            assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
            assertThat(config.demoData()).isTrue();
            assertThat(config.closingWindowDays()).isEqualTo(28);
            assertThat(config.logFormat()).isEqualTo("text");
        }
    }

    @Test
    void settings_are_read_and_an_out_of_range_window_is_refused() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("tertial.zone", "Europe/Helsinki",
                "tertial.demo-data", "false", "tertial.closing-window-days", "14"))) {
            TertialConfig config = context.getBean(TertialConfig.class);
            assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Helsinki"));
            assertThat(config.demoData()).isFalse();
            assertThat(config.closingWindowDays()).isEqualTo(14);
        }
        assertThatThrownBy(() -> {
            try (ApplicationContext context = ApplicationContext.run(Map.of("tertial.closing-window-days", "500"))) {
                context.getBean(TertialConfig.class);
            }
        }).hasStackTraceContaining("closingWindowDays - must be less than or equal to 120");
    }

    @Test
    void a_misspelt_log_format_is_refused_instead_of_a_service_that_logs_nothing() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("tertial.log-format", "json"))) {
            assertThat(context.getBean(TertialConfig.class).logFormat()).isEqualTo("json");
        }
        assertThatThrownBy(() -> {
            try (ApplicationContext context = ApplicationContext.run(Map.of("tertial.log-format", "JSON"))) {
                context.getBean(TertialConfig.class);
            }
        }).hasStackTraceContaining("logFormat - must match");
    }
}
