package se.ange.tertial.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for tests: the server named by {@code TERTIAL_TEST_PG_URL} (CI starts the machine's
 * PostgreSQL 15 and sets it), else an embedded PostgreSQL from Maven Central started once per JVM.
 * Each caller gets a database of its own.
 */
public final class TestPostgres {

    private static final String EXTERNAL = System.getenv("TERTIAL_TEST_PG_URL");
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /** Datasource properties for a new, empty database. */
    public static synchronized Map<String, String> freshDatabase() {
        String name = "tertial_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String adminUrl = adminUrl();
        String user = EXTERNAL != null ? System.getenv().getOrDefault("TERTIAL_TEST_PG_USER", "postgres") : "postgres";
        String password = EXTERNAL != null ? System.getenv().getOrDefault("TERTIAL_TEST_PG_PASSWORD", "") : "postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + adminUrl, e);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return Map.of(
                "datasources.default.url", url,
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.username", user,
                "datasources.default.password", password);
    }

    private static String adminUrl() {
        if (EXTERNAL != null) {
            return EXTERNAL;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }
}
