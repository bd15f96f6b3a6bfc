package se.ange.tertial.report;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReadinessRepository extends CrudRepository<ReadinessRow, Long> {

    List<ReadinessRow> findByTertial(String tertial);

    Optional<ReadinessRow> findByTertialAndDepartmentId(String tertial, Long departmentId);
}
