package se.ange.tertial.register.org;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PersonRoleRepository extends CrudRepository<PersonRole, Long> {

    List<PersonRole> findByPersonId(Long personId);

    List<PersonRole> findByPersonIdIn(java.util.Collection<Long> personIds);

    void deleteByPersonId(Long personId);
}
