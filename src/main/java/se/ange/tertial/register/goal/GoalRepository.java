package se.ange.tertial.register.goal;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface GoalRepository extends CrudRepository<Goal, Long> {

    Optional<Goal> findByLevelAndYearAndRef(GoalLevel level, int year, String ref);

    List<Goal> findByYearOrderByRef(int year);

    List<Goal> findAllOrderByYearAndRef();

    List<Goal> findByIdIn(Collection<Long> ids);
}
