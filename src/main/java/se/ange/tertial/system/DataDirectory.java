package se.ange.tertial.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory ({@code tertial.data-dir}) holds secrets: the H2 database (with the reply signing key),
 * the outbox {@code .eml} files (with live reply tokens) and {@code first-admin-token}. It is created
 * {@code 0700} and every file in it is {@code 0600}, set when the file is created (not after, so the process
 * umask never opens a window). The directory is made private before the database is opened, the H2 database
 * file is created private before H2 writes to it, and on start whatever an older version or H2 left with wider
 * rights is tightened. On a file system without POSIX permissions (Windows) the files keep the directory's ACL.
 */
@Singleton
public class DataDirectory implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    DataDirectory(@Value("${tertial.data-dir:./data}") String dataDir) {
        this.root = Path.of(dataDir);
    }

    public Path root() {
        return root;
    }

    /** Before the connection pool opens the database: the directory private, the H2 file created private. */
    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getUrl() == null ? configuration.getJdbcUrl() : configuration.getUrl();
        // only an H2 file database is opened here; on PostgreSQL the directory is made when a file needs it
        h2File(url).ifPresent(file -> {
            try {
                Path directory = file.toAbsolutePath().normalize().getParent();
                if (directory.equals(root.toAbsolutePath().normalize())) {
                    ensurePrivateDirectory(directory);
                } else if (!Files.isDirectory(directory)) {
                    return; // a database outside the data directory: its directory is the operator's
                }
                createPrivateFile(file);
            } catch (FileAlreadyExistsException exists) {
                // opened before: tightened on start
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Cannot create the database file {} with owner-only rights: {}", file, e.getMessage());
            }
        });
        return configuration;
    }

    /** Whatever was left with wider rights (an older version, a file H2 created itself) is tightened. */
    @EventListener
    void onStartup(StartupEvent event) {
        if (Files.isDirectory(root)) {
            tighten(root);
        }
    }

    /** {@code jdbc:h2:file:<path>;…} or {@code jdbc:h2:<path>}: the MVStore file {@code <path>.mv.db}. */
    static java.util.Optional<Path> h2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")
                || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:")) {
            return java.util.Optional.empty();
        }
        String path = url.substring("jdbc:h2:".length());
        int semicolon = path.indexOf(';');
        path = semicolon < 0 ? path : path.substring(0, semicolon);
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        if (path.isEmpty() || path.contains(":") && !path.matches("^[A-Za-z]:.*")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(path + ".mv.db"));
    }

    private static boolean posix(Path path) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The directory, created {@code 0700} (its missing parents with the usual rights), or made so. */
    public static Path ensurePrivateDirectory(Path directory) {
        try {
            Path absolute = directory.toAbsolutePath();
            if (!Files.isDirectory(absolute)) {
                if (absolute.getParent() != null) {
                    Files.createDirectories(absolute.getParent());
                }
                try {
                    if (posix(absolute)) {
                        Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
                    } else {
                        Files.createDirectory(absolute);
                    }
                } catch (FileAlreadyExistsException raced) {
                    // created meanwhile: made private below
                }
            }
            if (posix(absolute)) {
                Files.setPosixFilePermissions(absolute, DIRECTORY);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the private directory " + directory, e);
        }
    }

    /** A new, empty file that is {@code 0600} from the moment it exists. */
    public static Path createPrivateFile(Path file) throws IOException {
        if (posix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            Files.setPosixFilePermissions(file, FILE); // whatever the umask took away from the owner
        } else {
            Files.createFile(file);
        }
        return file;
    }

    /**
     * Writes a file so that it never exists with wider rights nor half-written: a temporary file in the same
     * directory, created {@code 0600}, is written and then moved into place atomically.
     */
    public static void writePrivate(Path file, Writer content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        FileAttribute<?>[] attributes = posix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", attributes);
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                content.write(out);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** What {@link #writePrivate} writes. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void tighten(Path directory) {
        if (!posix(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.forEach(path -> {
                try {
                    if (Files.isSymbolicLink(path)) {
                        return;
                    }
                    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(path, DIRECTORY);
                    } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(path, FILE);
                    }
                } catch (IOException e) {
                    LOG.warn("Cannot restrict {} to its owner: {}", path, e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot restrict the data directory {} to its owner: {}", directory, e.getMessage());
        }
    }
}
