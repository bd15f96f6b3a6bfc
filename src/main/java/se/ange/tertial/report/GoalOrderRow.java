package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One goal's place in a department's uppsiktsrapport for a plan year (V40). */
@MappedEntity("department_goal_order")
record GoalOrderRow(@Id @GeneratedValue @Nullable Long id, Long departmentId, int planYear, Long goalId,
                    int position) {
}
