package se.ange.tertial.report;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface GoalAssessmentRepository extends CrudRepository<GoalAssessmentRow, Long> {

    Optional<GoalAssessmentRow> findByGoalIdAndTertial(Long goalId, String tertial);

    List<GoalAssessmentRow> findByTertial(String tertial);
}
