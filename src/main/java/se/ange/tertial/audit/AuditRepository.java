package se.ange.tertial.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Append-only. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditRepository extends GenericRepository<AuditEntry, Long> {

    String FILTER = " FROM audit_log WHERE occurred_at >= :from AND occurred_at < :until"
            + " AND (:person = '' OR actor = :person OR subject = :personSubject)"
            + " AND (:subject = '' OR LOWER(subject) = LOWER(:subject))";

    AuditEntry save(AuditEntry entry);

    List<AuditEntry> findByOccurredAtGreaterThanEqualsOrderById(Instant since);

    List<AuditEntry> findBySubjectAndOccurredAtGreaterThanEqualsOrderById(String subject, Instant since);

    /**
     * A page of the trail, newest first, in {@code [from, until)}: by a person (as actor, {@code person}, or as
     * subject, {@code personSubject}) and about a subject (e.g. {@code activity:KS2024-017}, in any case); '' for any.
     */
    @Query("SELECT *" + FILTER + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<AuditEntry> search(Instant from, Instant until, String person, String personSubject, String subject,
                            int limit, long offset);

    /** How many rows {@link #search} has in all. */
    @Query("SELECT COUNT(*)" + FILTER)
    long countSearch(Instant from, Instant until, String person, String personSubject, String subject);
}
