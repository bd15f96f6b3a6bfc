package se.ange.tertial.register.goal;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeasureOutcomeRepository extends CrudRepository<MeasureOutcome, Long> {

    List<MeasureOutcome> findByMeasureIdIn(Collection<Long> measureIds);

    Optional<MeasureOutcome> findByMeasureIdAndTertial(Long measureId, String tertial);
}
