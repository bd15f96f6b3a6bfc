package se.ange.tertial.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Which database the service runs on, for the few writes and claims that take a different path on PostgreSQL
 * than on H2. Asked of the driver once (it answers from memory, no round trip).
 */
@Singleton
public class DatabaseProduct {

    private final JdbcOperations jdbc;
    private volatile Boolean postgres;

    DatabaseProduct(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the data source is PostgreSQL (else H2). */
    public boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute(connection -> connection.getMetaData().getDatabaseProductName())
                    .toLowerCase(Locale.ROOT).contains("postgres");
        }
        return postgres;
    }
}
