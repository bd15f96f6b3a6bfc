package se.ange.tertial.register.activity;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** Append-only: there is no update or delete here on purpose. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StatusReportRepository extends GenericRepository<StatusReport, Long> {

    StatusReport save(StatusReport report);

    List<StatusReport> findByActivityIdOrderByReceivedAt(Long activityId);

    List<StatusReport> findByActivityIdIn(Collection<Long> activityIds);

    List<StatusReport> findAll();
}
