package se.ange.tertial.register.access;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import se.ange.tertial.support.Api;

/** The embedded default as a newcomer starts it: no fixed password, one generated admin token in a file. */
class FirstStartTokenTest {

    @TempDir
    Path dataDir;

    private EmbeddedServer start() {
        return ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("tertial.data-dir", dataDir.toString(), "tertial.demo-data", "false",
                        "micronaut.server.port", "-1"))
                .run(EmbeddedServer.class);
    }

    @Test
    void the_first_start_writes_an_admin_token_to_a_private_file_and_never_logs_it() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try (EmbeddedServer server = start(); HttpClient client = HttpClient.create(server.getURL())) {
            Path file = dataDir.resolve(FirstStartToken.FILE);
            String token = Files.readString(file).trim();
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            Api admin = new Api(client.toBlocking(), token);
            assertThat(admin.get("/api/tokens").code()).isEqualTo(200);
            assertThat(admin.as(null).get("/api/tokens").code()).isEqualTo(401);
            assertThat(admin.as("admin").get("/api/tokens").code()).isEqualTo(401);
            assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains(file.toString()));
            assertThat(log.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(token));
        } finally {
            root.detachAppender(log);
        }

        try (EmbeddedServer server = start(); HttpClient client = HttpClient.create(server.getURL())) {
            String token = Files.readString(dataDir.resolve(FirstStartToken.FILE)).trim();
            List<Map> tokens = new Api(client.toBlocking(), token).retrieve("/api/tokens", Argument.listOf(Map.class));
            assertThat(tokens).hasSize(1);
        }
    }
}
