package se.ange.tertial.register.org;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrgUnitRepository extends CrudRepository<OrgUnit, Long> {

    Optional<OrgUnit> findByDepartmentIdAndNameIlike(Long departmentId, String name);

    List<OrgUnit> findByIdIn(Collection<Long> ids);
}
