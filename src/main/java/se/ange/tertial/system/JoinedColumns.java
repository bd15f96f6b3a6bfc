package se.ange.tertial.system;

import io.micronaut.data.model.runtime.RuntimePersistentEntity;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The select list for one entity of a hand-written join, so that a row of several tables is read with
 * {@code JdbcOperations.readEntity(prefix, row, type)}: the columns come from the entity's mapping, so a new
 * column is read without touching the query.
 */
public final class JoinedColumns {

    private JoinedColumns() {
    }

    /** Every mapped column of {@code entity} as {@code alias.column AS prefixcolumn}, comma-separated. */
    public static String of(Class<?> entity, String alias, String prefix) {
        RuntimePersistentEntity<?> mapped = new RuntimePersistentEntity<>(entity);
        return Stream.concat(Stream.of(mapped.getIdentity()), mapped.getPersistentProperties().stream())
                .map(property -> alias + "." + property.getPersistedName() + " AS " + prefix + property.getPersistedName())
                .collect(Collectors.joining(", "));
    }
}
