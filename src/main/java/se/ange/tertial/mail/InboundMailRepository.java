package se.ange.tertial.mail;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Insert-only, except for disposal after the retention period (gallring). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InboundMailRepository extends GenericRepository<InboundMail, Long> {

    InboundMail save(InboundMail mail);

    boolean existsByMessageId(String messageId);

    Optional<InboundMail> findByMessageId(String messageId);

    /** Whether and how a mail was kept, without loading it. */
    Optional<InboundOutcome> findOutcomeByMessageId(String messageId);

    Optional<InboundMail> findById(Long id);

    /** For the list of received mail (stab's page), newest first by the pageable's sort. */
    Page<InboundMail> findAll(Pageable pageable);

    /**
     * Takes a kept mail for handling: locks its row until the handling commits, and answers 0 when it is no
     * longer PENDING (handled meanwhile, e.g. by another instance), so it is never handled twice.
     */
    @Query("UPDATE inbound_mail SET next_attempt_at = NULL WHERE id = :id AND outcome = 'PENDING'")
    int claim(Long id);

    /** What became of a kept mail (its raw message never changes). */
    @Query("UPDATE inbound_mail SET outcome = :outcome, detail = :detail, person_id = :personId WHERE id = :id")
    int settle(Long id, String outcome, @Nullable String detail, @Nullable Long personId);

    /** A failed handling: counted, with why, and when to try again. */
    @Query("UPDATE inbound_mail SET attempts = attempts + 1, next_attempt_at = :next, detail = :detail "
            + "WHERE id = :id AND outcome = 'PENDING'")
    int failed(Long id, Instant next, String detail);

    /** Kept mail whose handling is due, oldest first. */
    @Query("SELECT * FROM inbound_mail WHERE outcome = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= :now) "
            + "ORDER BY id LIMIT 20")
    List<InboundMail> findDue(Instant now);

    /** The pending mail due first (a NULL time, due at once, sorts last: it is being handled right now). */
    Optional<InboundMail> findFirstByOutcomeOrderByNextAttemptAtAsc(InboundOutcome outcome);

    @Query("DELETE FROM inbound_mail WHERE dispose_after < :today")
    int disposeBefore(LocalDate today);
}
