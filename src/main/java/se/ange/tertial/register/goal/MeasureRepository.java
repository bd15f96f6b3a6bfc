package se.ange.tertial.register.goal;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeasureRepository extends CrudRepository<Measure, Long> {

    List<Measure> findByGoalIdIn(Collection<Long> goalIds);

    List<Measure> findByGoalIdOrderById(Long goalId);
}
