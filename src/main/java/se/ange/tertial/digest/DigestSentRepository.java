package se.ange.tertial.digest;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DigestSentRepository extends CrudRepository<DigestSent, Long> {

    boolean existsByPersonIdAndWeekStart(Long personId, LocalDate weekStart);

    /** The latest digest made for the person before that week. */
    Optional<DigestSent> findFirstByPersonIdAndWeekStartLessThanOrderByWeekStartDesc(Long personId, LocalDate weekStart);
}
