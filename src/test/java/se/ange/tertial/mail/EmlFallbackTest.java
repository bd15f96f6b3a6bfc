package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.ange.tertial.notify.OutboxDelivery;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;

/** The embedded default has no SMTP server: reminders become .eml files a newcomer can open. */
class EmlFallbackTest {

    @TempDir
    Path dataDir;

    @Test
    void without_smtp_settings_reminders_are_written_as_eml_files_under_the_data_directory() throws Exception {
        Map<String, Object> settings = Map.of("tertial.data-dir", dataDir.toString(), "micronaut.server.port", "-1",
                "tertial.test.clock", "2024-03-28T06:00:00Z");
        try (EmbeddedServer server = ApplicationContext.builder("test").properties(settings).run(EmbeddedServer.class);
             HttpClient client = HttpClient.create(server.getURL())) {
            Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
            admin.postCsv("/api/import/people", Fixtures.people());
            admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
            int messages = (Integer) Api.body(admin.exchange(HttpRequest.POST("/api/reminders/run?on=2024-03-28", "")))
                    .get("messages");
            OutboxDelivery delivery = server.getApplicationContext().getBean(OutboxDelivery.class);
            while (delivery.deliverOne()) {
                // drain
            }
            List<Path> files;
            try (var listing = Files.list(dataDir.resolve("outbox"))) {
                files = listing.filter(f -> f.toString().endsWith(".eml")).toList();
            }
            assertThat(files).hasSize(messages);
            String eml = Files.readString(files.get(0));
            assertThat(eml).contains("Subject:").contains("text/plain").contains("text/html");
        }
    }
}
