package se.ange.tertial.register.access;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.runtime.convert.DataConversionService;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.system.EntityReader;
import se.ange.tertial.system.JoinedColumns;

/**
 * An unrevoked API token by its hash with the person it acts as and the colleagues who have that person as
 * deputy (with their absences), in one query and one round trip: every API request asks this. A row per
 * colleague and absence; a person is deputy for a few at most.
 */
@Singleton
class TokensWithPerson {

    private static final String SQL = "SELECT " + JoinedColumns.of(ApiToken.class, "t", "t_") + ", "
            + JoinedColumns.of(Person.class, "p", "p_") + ", " + JoinedColumns.of(Person.class, "c", "c_") + ", "
            + JoinedColumns.of(PersonAbsence.class, "b", "b_")
            + " FROM api_token t LEFT JOIN person p ON p.id = t.person_id"
            + " LEFT JOIN person c ON c.deputy_id = p.id LEFT JOIN person_absence b ON b.person_id = c.id"
            + " WHERE t.token_hash = ? AND t.revoked_at IS NULL";

    private final JdbcOperations jdbc;
    private final EntityReader<ApiToken> tokenRows;
    private final EntityReader<Person> personRows;
    private final EntityReader<Person> colleagueRows;
    private final EntityReader<PersonAbsence> absenceRows;

    TokensWithPerson(JdbcOperations jdbc, DataConversionService conversion) {
        this.jdbc = jdbc;
        this.tokenRows = EntityReader.of(ApiToken.class, "t_", conversion);
        this.personRows = EntityReader.of(Person.class, "p_", conversion);
        this.colleagueRows = EntityReader.of(Person.class, "c_", conversion);
        this.absenceRows = EntityReader.of(PersonAbsence.class, "b_", conversion);
    }

    /** Read on a connection of its own or the caller's, outside a transaction: one query needs no BEGIN/COMMIT. */
    @Connectable
    public Optional<Found> find(String tokenHash) {
        return jdbc.prepareStatement(SQL, statement -> {
            statement.setString(1, tokenHash);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.<Found>empty();
            }
        });
    }

    private Found read(ResultSet rows) throws SQLException {
        ApiToken token = tokenRows.read(rows);
        rows.getLong("p_id");
        Optional<Person> person = rows.wasNull() ? Optional.empty() : Optional.of(personRows.read(rows));
        Map<Long, Person> colleagues = new LinkedHashMap<>();
        Map<Long, List<PersonAbsence>> absences = new LinkedHashMap<>();
        do {
            long colleague = rows.getLong("c_id");
            if (!rows.wasNull()) {
                colleagues.computeIfAbsent(colleague, id -> colleagueRows.read(rows));
                List<PersonAbsence> theirs = absences.computeIfAbsent(colleague, id -> new ArrayList<>());
                rows.getLong("b_id");
                if (!rows.wasNull()) {
                    theirs.add(absenceRows.read(rows));
                }
            }
        } while (rows.next());
        return new Found(token, person, List.copyOf(colleagues.values()), absences);
    }

    /**
     * A token and its person (none for a token without one); the people who have that person as deputy, and each
     * one's absences (all of them: {@link Callers} decides who is away today).
     */
    record Found(ApiToken token, Optional<Person> person, List<Person> deputyOf, Map<Long, List<PersonAbsence>> absences) {
    }
}
