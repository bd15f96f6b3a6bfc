package se.ange.tertial.register.plan;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ActivityCopyRepository extends CrudRepository<ActivityCopy, Long> {

    List<ActivityCopy> findByToYear(int toYear);
}
