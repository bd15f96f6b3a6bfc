package se.ange.tertial.notify;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReminderItemRepository extends CrudRepository<ReminderItemRow, Long> {

    List<ReminderItemRow> findByMessageIdOrderById(Long messageId);

    List<ReminderItemRow> findByMessageIdIn(java.util.Collection<Long> messageIds);

    List<ReminderItemRow> findByItemKeyIn(Collection<String> keys);

}
