package se.ange.tertial.register.org;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PersonRepository extends CrudRepository<Person, Long> {

    /** E-mail addresses are stored lower case; callers pass them lower case. */
    Optional<Person> findByEmail(String email);

    List<Person> findByEmailIn(Collection<String> emails);

    List<Person> findByDeputyId(Long deputyId);

    List<Person> findByIdIn(Collection<Long> ids);

    Optional<Person> findBySlackUserId(String slackUserId);

    Optional<Person> findByTeamsUserId(String teamsUserId);

    /** Written after every insert and update by {@link PersonOrderStore}. */
    @Query("UPDATE person SET sort_key = :sortKey, search_name = :searchName WHERE id = :id")
    void storeOrder(long id, String sortKey, String searchName);
}
