package se.ange.tertial.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Append-only. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditRepository extends GenericRepository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    List<AuditEntry> findByOccurredAtGreaterThanEqualsOrderById(Instant since);

    List<AuditEntry> findBySubjectAndOccurredAtGreaterThanEqualsOrderById(String subject, Instant since);
}
