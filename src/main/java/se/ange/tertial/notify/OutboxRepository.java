package se.ange.tertial.notify;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import se.ange.tertial.register.org.ReminderChannel;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends CrudRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByStateOrderById(OutboxState state);

    List<OutboxMessage> findAllOrderById();

    boolean existsByDedupeKey(String dedupeKey);

    /** The message, its row locked for the transaction (a worker delivering it holds the same lock). */
    @Query("SELECT * FROM outbox_message WHERE id = :id FOR UPDATE")
    Optional<OutboxMessage> findByIdForUpdate(Long id);

    Page<OutboxMessage> findAll(Pageable pageable);

    Page<OutboxMessage> findByState(OutboxState state, Pageable pageable);

    Page<OutboxMessage> findByChannel(ReminderChannel channel, Pageable pageable);

    Page<OutboxMessage> findByStateAndChannel(OutboxState state, ReminderChannel channel, Pageable pageable);
}
