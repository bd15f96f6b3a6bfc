package se.ange.tertial.register.goal;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface GoalAreaRepository extends CrudRepository<GoalArea, Long> {

    Optional<GoalArea> findByName(String name);
}
