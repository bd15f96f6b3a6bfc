package se.ange.tertial.register.org;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DepartmentRepository extends CrudRepository<Department, Long> {

    Optional<Department> findByNameIlike(String name);

    List<Department> findByIdIn(Collection<Long> ids);
}
