package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.ange.tertial.followup.Language;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.Notifier;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxState;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.ReminderChannel;

/**
 * The data directory holds the H2 database (with the reply signing key), the outbox .eml files (live reply
 * tokens) and first-admin-token: started as a newcomer starts it (the embedded default, first start), the
 * directory is 0700 and every file in it 0600, and H2 writes no trace file.
 */
class DataDirectoryPermissionsTest {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file modes are POSIX; this file system has none");
    }

    private ApplicationContext start(Path dataDir) {
        return ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("tertial.data-dir", dataDir.toString(), "tertial.demo-data", "false",
                        "tertial.scheduler.enabled", "false", "tertial.outbox.poll", "false"))
                .start();
    }

    @Test
    void first_start_creates_a_private_directory_with_private_database_token_and_eml_files() throws Exception {
        Path dataDir = temp.resolve("not-yet").resolve("data");
        try (ApplicationContext context = start(dataDir)) {
            // an SQL error with a user's value: H2 would have written it to tertial.trace.db
            try (Connection connection = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                    .unwrapDataSource(context.getBean(DataSource.class)).getConnection();
                 Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT secret FROM no_such_table WHERE x = 'hemligt'"))
                        .isInstanceOf(SQLException.class);
            }
            Notifier mail = context.getBeansOfType(Notifier.class).stream()
                    .filter(n -> n.channel() == ReminderChannel.EMAIL).findFirst().orElseThrow();
            Instant now = Instant.now();
            mail.deliver(new OutboxMessage(4711L, 1L, ReminderChannel.EMAIL, MessageKind.ANSWER, LocalDate.now(),
                            OutboxState.PENDING, 0, now, null, now, null, "x", "Tack!", "Registrerat.", null, null),
                    new Person(1L, "Emma Berglund", "emma@ange.example", null, null, null, null, Language.SV, true,
                            null, ReminderChannel.EMAIL), List.of(), java.util.Map.of());

            assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(DIRECTORY);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("first-admin-token"))).isEqualTo(FILE);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("tertial.mv.db"))).isEqualTo(FILE);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("outbox"))).isEqualTo(DIRECTORY);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("outbox/answer-4711.eml"))).isEqualTo(FILE);
            assertEverythingPrivate(dataDir);
            try (Stream<Path> files = Files.list(dataDir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .noneMatch(name -> name.endsWith(".trace.db"))
                        .noneMatch(name -> name.endsWith(".tmp"));
            }
        }
        assertEverythingPrivate(dataDir);
    }

    @Test
    void a_data_directory_left_with_wider_rights_is_tightened_on_start() throws Exception {
        Path dataDir = temp.resolve("data");
        Files.createDirectories(dataDir.resolve("outbox"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dataDir.resolve("outbox/reminder-1.eml"), "Subject: [m1-abcdefghijkl]\n");
        Files.setPosixFilePermissions(dataDir.resolve("outbox/reminder-1.eml"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(dataDir.resolve("tertial.trace.db"), "SELECT ... 'hemligt'");
        Files.setPosixFilePermissions(dataDir.resolve("tertial.trace.db"), PosixFilePermissions.fromString("rw-rw-rw-"));

        try (ApplicationContext context = start(dataDir)) {
            assertEverythingPrivate(dataDir);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("outbox/reminder-1.eml"))).isEqualTo(FILE);
        }
    }

    @Test
    void a_file_written_privately_has_its_final_rights_and_content_at_once() throws Exception {
        Path dir = DataDirectory.ensurePrivateDirectory(temp.resolve("d"));
        Path file = dir.resolve("first-admin-token");
        DataDirectory.writePrivate(file, out -> {
            // while it is written, only the temporary file exists and it is already 0600
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.toList()).singleElement().satisfies(tmp -> {
                    assertThat(tmp).isNotEqualTo(file);
                    assertThat(Files.getPosixFilePermissions(tmp)).isEqualTo(FILE);
                });
            }
            out.write("hemlig\n".getBytes());
        });
        assertThat(Files.readString(file)).isEqualTo("hemlig\n");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(FILE);
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(DIRECTORY);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    private static void assertEverythingPrivate(Path dataDir) throws Exception {
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.toList()) {
                assertThat(Files.getPosixFilePermissions(path)).as(path.toString())
                        .isEqualTo(Files.isDirectory(path) ? DIRECTORY : FILE);
            }
        }
    }
}
