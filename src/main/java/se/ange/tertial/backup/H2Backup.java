package se.ange.tertial.backup;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.system.DataDirectory;
import se.ange.tertial.system.ProblemException;

/**
 * An online backup of the embedded H2 database: H2's {@code BACKUP TO} writes a zip of the database file while
 * the service runs (transactionally consistent through MVCC, nothing locked), into {@code <data dir>/backups/}.
 * The zip holds everything the database holds, the generated reply signing key included, so it is 0600 in a
 * 0700 directory like the rest of the data directory. PostgreSQL is backed up with pg_dump instead (README).
 */
@Singleton
public class H2Backup {

    private static final Logger LOG = LoggerFactory.getLogger(H2Backup.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A backup written: where, how large, when. */
    public record Taken(Path file, long bytes, Instant at) {
    }

    private final DataSource dataSource;
    private final DataDirectory dataDirectory;
    private final AuditLog audit;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    H2Backup(DataSource dataSource, DataDirectory dataDirectory, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.dataDirectory = dataDirectory;
        this.audit = audit;
        this.clock = clock;
    }

    public Taken take(Actor actor) {
        if (!running.tryLock()) {
            throw conflict("En säkerhetskopia görs redan. Försök igen när den är klar.");
        }
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            refuseUnlessH2File(connection.getMetaData());
            Instant at = clock.instant();
            Path directory = DataDirectory.ensurePrivateDirectory(dataDirectory.root().resolve("backups"));
            Path file = freeName(directory, at).toAbsolutePath().normalize();
            write(connection, file);
            long bytes = Files.size(file);
            audit.record(actor, "database.backup", "backup:" + file.getFileName(), null, null,
                    Map.of("file", file.toString(), "bytes", bytes));
            LOG.info("Database backed up to {} ({} bytes) by {}", file, bytes, actor.name());
            return new Taken(file, bytes, at);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The database backup failed: " + e.getMessage(), e);
        } finally {
            running.unlock();
        }
    }

    private static void refuseUnlessH2File(DatabaseMetaData database) throws SQLException {
        String product = database.getDatabaseProductName();
        if (!"H2".equalsIgnoreCase(product)) {
            throw conflict("Databasen är " + product + ", inte den inbyggda H2-databasen: säkerhetskopiera den med"
                    + " pg_dump (se README, Backups).");
        }
        if (database.getURL().startsWith("jdbc:h2:mem:")) {
            throw conflict("Databasen finns bara i minnet; det finns ingen fil att säkerhetskopiera.");
        }
    }

    /** Written private from the start: H2 truncates the empty 0600 file and keeps its rights. */
    private static void write(Connection connection, Path file) throws SQLException, IOException {
        DataDirectory.createPrivateFile(file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            Files.deleteIfExists(file); // never leave a half-written zip that looks like a backup
            throw e;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static Path freeName(Path directory, Instant at) {
        String stem = "tertial-" + NAME.format(at);
        Path file = directory.resolve(stem + ".zip");
        for (int n = 2; Files.exists(file); n++) { // two in the same second
            file = directory.resolve(stem + "-" + n + ".zip");
        }
        return file;
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail, List.of());
    }
}
