package se.ange.tertial.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.ange.tertial.support.Api;
import se.ange.tertial.system.AppSecrets;

/**
 * The README's H2 backup and restore, end to end: an admin takes an online backup of a running service with
 * data in it, the zip is unpacked into a fresh data directory (what {@code unzip} does) and a service started
 * on it finds the people, the activity and its status report, the API token and the reply signing key, and not
 * what was written after the backup.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class H2BackupRestoreTest {

    @TempDir
    Path temp;

    private static EmbeddedServer start(Path dataDir) {
        return ApplicationContext.builder("test").properties(Map.of(
                "datasources.default.url", "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/tertial;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;TRACE_LEVEL_FILE=0",
                "tertial.data-dir", dataDir.toString(),
                "tertial.demo-data", "true")).run(EmbeddedServer.class);
    }

    private static Api api(EmbeddedServer server, String token) {
        return new Api(server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking(), token);
    }

    @Test
    void a_backup_taken_while_the_service_runs_restores_into_a_new_data_directory_and_starts_with_its_data()
            throws Exception {
        Path running = temp.resolve("data");
        Path backup;
        String stabToken;
        String replyKey;
        try (EmbeddedServer server = start(running)) {
            Api stab = api(server, Api.BOOTSTRAP_ADMIN).withNewToken("stab-script", "STAB", null);
            stabToken = stab.token();
            assertThat(stab.postJson("/api/activities/KS2024-007/reports", Map.of("tertial", "2024-T1",
                    "status", "Pågående enligt plan", "comment", "Före säkerhetskopian")).code()).isEqualTo(201);
            replyKey = server.getApplicationContext().getBean(AppSecrets.class).getOrCreate("mail-reply-token");

            assertThat(stab.postJson("/api/admin/backup", Map.of()).code()).as("admin only").isEqualTo(403);
            // someone keeps reporting while the backup is taken (own token: the write limit is per credential)
            Api writer = api(server, Api.BOOTSTRAP_ADMIN).withNewToken("writer", "STAB", null);
            AtomicBoolean backupDone = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            Thread reporting = new Thread(() -> {
                for (int i = 0; i < 100 && !backupDone.get(); i++) {
                    String ref = "KS2024-%03d".formatted(10 + i % 70);
                    if (writer.postJson("/api/activities/" + ref + "/reports", Map.of("tertial", "2024-T1",
                            "status", "Pågående enligt plan", "comment", "Under säkerhetskopian " + i)).code() == 201) {
                        written.incrementAndGet();
                    }
                }
            });
            reporting.start();
            for (int wait = 0; written.get() < 5 && reporting.isAlive() && wait < 600; wait++) {
                Thread.sleep(100);
            }
            var taken = api(server, Api.BOOTSTRAP_ADMIN).postJson("/api/admin/backup", Map.of());
            backupDone.set(true);
            reporting.join();
            assertThat(written.get()).isGreaterThanOrEqualTo(5);
            assertThat(taken.code()).isEqualTo(201);
            backup = Path.of((String) body(taken).get("file"));
            assertThat(backup).exists().hasParent(running.resolve("backups").toAbsolutePath());
            assertThat(((Number) body(taken).get("bytes")).longValue()).isEqualTo(Files.size(backup));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }

            // the service goes on: this report is after the backup and must not come back with it
            assertThat(stab.postJson("/api/activities/KS2024-007/reports", Map.of("tertial", "2024-T2",
                    "status", "Avslutad enligt plan", "comment", "Efter säkerhetskopian")).code()).isEqualTo(201);
            List<Map> audit = stab.retrieve("/api/audit?since=2000-01-01T00:00:00Z", Argument.listOf(Map.class));
            assertThat(audit).anySatisfy(a -> assertThat(a).containsEntry("action", "database.backup")
                    .containsEntry("actor", "bootstrap-admin"));
        }

        Path restored = temp.resolve("restored");
        Files.createDirectories(restored);
        unzip(backup, restored);
        assertThat(restored.resolve("tertial.mv.db")).exists();

        try (EmbeddedServer server = start(restored)) {
            Api stab = api(server, stabToken); // the token was in the backup
            Map detail = body(stab.get("/api/activities/KS2024-007"));
            List<Map> history = (List<Map>) detail.get("history");
            assertThat(history).extracting(h -> h.get("comment")).containsExactly("Före säkerhetskopian");
            assertThat(body(stab.get("/api/activities?size=1")).get("total")).isEqualTo(79); // demo plan not loaded again
            assertThat(stab.get("/api/people/emma.berglund@ange.example").code()).isEqualTo(200);
            assertThat(server.getApplicationContext().getBean(AppSecrets.class).find("mail-reply-token"))
                    .as("reply tokens sent before the backup still verify").contains(replyKey);
            // one consistent moment: every report written during the backup came with its audit row, or neither did
            assertThat(count(server, "SELECT count(*) FROM status_report"))
                    .isEqualTo(count(server, "SELECT count(*) FROM audit_log WHERE action = 'status.reported'"))
                    .isGreaterThanOrEqualTo(1 + 5);
        }
    }

    @Test
    void on_an_in_memory_database_the_backup_is_refused_with_a_reason() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, "test")) {
            var refused = api(server, Api.BOOTSTRAP_ADMIN).postJson("/api/admin/backup", Map.of());
            assertThat(refused.code()).isEqualTo(409);
            assertThat((String) body(refused).get("detail")).contains("bara i minnet");
        }
    }

    private static int count(EmbeddedServer server, String sql) throws Exception {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(server.getApplicationContext().getBean(DataSource.class));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    /** What {@code unzip <backup> -d <dir>} does. */
    private static void unzip(Path zip, Path directory) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = directory.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(directory)).as(entry.getName()).isTrue();
                Files.copy((InputStream) in, target);
            }
        }
    }
}
