package se.ange.tertial.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets the service generates for itself when none is configured (so the embedded default needs no
 * set-up), kept in the database so that every instance shares them.
 */
@Singleton
public class AppSecrets {

    private final JdbcOperations jdbc;

    AppSecrets(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public String getOrCreate(String name) {
        return find(name).orElseGet(() -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            jdbc.prepareStatement("INSERT INTO app_secret (name, secret) VALUES (?, ?)", statement -> {
                statement.setString(1, name);
                statement.setString(2, secret);
                return statement.executeUpdate();
            });
            return secret;
        });
    }

    private Optional<String> find(String name) {
        return jdbc.prepareStatement("SELECT secret FROM app_secret WHERE name = ?", statement -> {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
            }
        });
    }
}
