package se.ange.tertial.register.activity;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ActivityRepository extends CrudRepository<Activity, Long> {

    Optional<Activity> findByRef(String ref);

    List<Activity> findAllOrderByRef();

    List<Activity> findByIdIn(Collection<Long> ids);
}
