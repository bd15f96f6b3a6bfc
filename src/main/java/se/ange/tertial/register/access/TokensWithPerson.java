package se.ange.tertial.register.access;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.util.Optional;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.system.JoinedColumns;

/** An unrevoked API token by its hash with the person it acts as, in one query: every API request asks this. */
@Singleton
class TokensWithPerson {

    private static final String SQL = "SELECT " + JoinedColumns.of(ApiToken.class, "t", "t_") + ", "
            + JoinedColumns.of(Person.class, "p", "p_")
            + " FROM api_token t LEFT JOIN person p ON p.id = t.person_id"
            + " WHERE t.token_hash = ? AND t.revoked_at IS NULL";

    private final JdbcOperations jdbc;

    TokensWithPerson(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Optional<Found> find(String tokenHash) {
        return jdbc.prepareStatement(SQL, statement -> {
            statement.setString(1, tokenHash);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.<Found>empty();
                }
                ApiToken token = jdbc.readEntity("t_", row, ApiToken.class);
                row.getLong("p_id");
                Optional<Person> person = row.wasNull() ? Optional.empty()
                        : Optional.of(jdbc.readEntity("p_", row, Person.class));
                return Optional.of(new Found(token, person));
            }
        });
    }

    /** A token and its person (none for a token without one). */
    record Found(ApiToken token, Optional<Person> person) {
    }
}
