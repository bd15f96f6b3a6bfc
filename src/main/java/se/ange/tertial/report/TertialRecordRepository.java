package se.ange.tertial.report;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TertialRecordRepository extends CrudRepository<TertialRecordRow, Long> {

    Optional<TertialRecordRow> findByTertial(String tertial);
}
