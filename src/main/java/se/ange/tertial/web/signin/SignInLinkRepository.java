package se.ange.tertial.web.signin;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SignInLinkRepository extends CrudRepository<SignInLink, Long> {

    Optional<SignInLink> findByTokenHash(String tokenHash);

    /** Uses the link if it is still unused and valid: 1 when this call used it, 0 otherwise (even on two instances). */
    @Query("UPDATE web_sign_in_link SET used_at = :now WHERE id = :id AND used_at IS NULL AND expires_at > :now")
    int use(Long id, Instant now);

    long countByPersonIdAndCreatedAtGreaterThan(Long personId, Instant since);

    void deleteByExpiresAtLessThan(Instant before);
}
