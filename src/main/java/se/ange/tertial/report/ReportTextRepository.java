package se.ange.tertial.report;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReportTextRepository extends CrudRepository<ReportTextRow, Long> {

    List<ReportTextRow> findByKindAndTertialAndScopeKey(String kind, String tertial, String scopeKey);
}
