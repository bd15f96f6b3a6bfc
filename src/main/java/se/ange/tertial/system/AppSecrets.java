package se.ange.tertial.system;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Secrets the service generates for itself when none is configured (so the embedded default needs no
 * set-up), kept in the database so that every instance shares them.
 */
@Singleton
public class AppSecrets {

    private final DataSource dataSource;

    AppSecrets(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The secret of that name, created on first use. Runs on a connection of its own (auto-commit), apart
     * from the caller's transaction: instances racing to create it agree on the first one written.
     */
    public String getOrCreate(String name) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.setAutoCommit(true);
            Optional<String> existing = find(connection, name);
            if (existing.isPresent()) {
                return existing.get();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO app_secret (name, secret) VALUES (?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                insert.executeUpdate();
            } catch (SQLException lostTheRace) {
                // another instance wrote it first: read theirs below
            }
            return find(connection, name).orElseThrow(() -> new IllegalStateException("No secret " + name));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read or create the secret " + name, e);
        }
    }

    /** The secret of that name, if one was ever created; never creates one. */
    public Optional<String> find(String name) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.setAutoCommit(true);
            return find(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the secret " + name, e);
        }
    }

    private static Optional<String> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM app_secret WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
