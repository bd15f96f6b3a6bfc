package se.ange.tertial.notify;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends CrudRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByStateOrderById(OutboxState state);

    List<OutboxMessage> findAllOrderById();

    List<OutboxMessage> findByKindAndSendOn(MessageKind kind, LocalDate sendOn);

    boolean existsByDedupeKey(String dedupeKey);
}
