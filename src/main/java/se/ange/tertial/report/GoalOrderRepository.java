package se.ange.tertial.report;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface GoalOrderRepository extends CrudRepository<GoalOrderRow, Long> {

    List<GoalOrderRow> findByDepartmentIdAndPlanYearOrderByPosition(Long departmentId, int planYear);

    void deleteByDepartmentIdAndPlanYear(Long departmentId, int planYear);
}
