package se.ange.tertial.mail;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import java.time.LocalDate;
import java.util.Optional;

/** Insert-only, except for disposal after the retention period (gallring). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InboundMailRepository extends GenericRepository<InboundMail, Long> {

    InboundMail save(InboundMail mail);

    boolean existsByMessageId(String messageId);

    Optional<InboundMail> findByMessageId(String messageId);

    Optional<InboundMail> findById(Long id);

    /** For the list of received mail (stab's page), newest first by the pageable's sort. */
    Page<InboundMail> findAll(Pageable pageable);

    @Query("DELETE FROM inbound_mail WHERE dispose_after < :today")
    int disposeBefore(LocalDate today);
}
