package se.ange.tertial.web.signin;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebSessionRepository extends CrudRepository<WebSession, Long> {

    Optional<WebSession> findByTokenHash(String tokenHash);

    void deleteByTokenHash(String tokenHash);

    void deleteByExpiresAtLessThan(Instant now);

    void deleteByLastSeenAtLessThan(Instant before);
}
