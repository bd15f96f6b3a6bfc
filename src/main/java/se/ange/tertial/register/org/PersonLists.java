package se.ange.tertial.register.org;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/**
 * People as the pages list them, in {@link PersonOrder} and paged in SQL, so no page reads the whole register.
 * Rows written by hand without a sort key (none the application writes) come last.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PersonLists extends GenericRepository<Person, Long> {

    /** {@code pattern}: a LIKE pattern, lower case, {@code \} escaping; {@code department} 0 and {@code role} "" for any. */
    String FILTER = " FROM person p WHERE (COALESCE(p.search_name, LOWER(p.name)) LIKE :pattern ESCAPE '\\'"
            + " OR p.email LIKE :pattern ESCAPE '\\') AND (:department = 0 OR p.department_id = :department)"
            + " AND (:role = '' OR EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = :role))";

    String ORDER = " ORDER BY sort_key NULLS LAST, email";

    @Query("SELECT COUNT(*)" + FILTER)
    long count(String pattern, long department, String role);

    @Query("SELECT p.*" + FILTER + " ORDER BY p.sort_key NULLS LAST, p.email LIMIT :limit OFFSET :offset")
    List<Person> page(String pattern, long department, String role, int limit, long offset);

    /** Everyone, for a form's list of people to choose from. */
    @Query("SELECT id, name, email, active FROM person" + ORDER)
    List<PersonChoice> choices();

    /** The active managers, for the organisation page. */
    @Query("SELECT p.* FROM person p WHERE p.active = TRUE AND EXISTS (SELECT 1 FROM person_role r"
            + " WHERE r.person_id = p.id AND r.role = 'MANAGER')" + ORDER)
    List<Person> activeManagers();

    /** A LIKE pattern for names and e-mail addresses containing {@code text}, as typed in a search box. */
    static String containing(String text) {
        String lower = PersonOrder.searchName(text.strip());
        return "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
