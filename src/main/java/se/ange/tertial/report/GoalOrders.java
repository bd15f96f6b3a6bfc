package se.ange.tertial.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/**
 * The order of a department's goals in its uppsiktsrapport, per plan year: the KS goals it lists first,
 * the others after in plan order. Setting it replaces the list (audited).
 */
@Singleton
public class GoalOrders {

    private final GoalOrderRepository orders;
    private final GoalRepository goals;
    private final AuditLog audit;
    private final JdbcOperations jdbc;

    GoalOrders(GoalOrderRepository orders, GoalRepository goals, AuditLog audit, JdbcOperations jdbc) {
        this.orders = orders;
        this.goals = goals;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** The department's listed KS references for the year (empty: plan order). */
    public GoalOrder of(long departmentId, int year) {
        Map<Long, String> refs = new LinkedHashMap<>();
        goals.findByYearOrderByRef(year).stream().filter(g -> g.level() == GoalLevel.KS)
                .forEach(g -> refs.put(g.id(), g.ref()));
        return new GoalOrder(orders.findByDepartmentIdAndPlanYearOrderByPosition(departmentId, year).stream()
                .map(row -> refs.get(row.goalId())).filter(java.util.Objects::nonNull).toList());
    }

    /** Every KS goal of the year in the department's order (what its report would follow). */
    public List<String> effective(long departmentId, int year) {
        GoalOrder order = of(departmentId, year);
        return goals.findByYearOrderByRef(year).stream().filter(g -> g.level() == GoalLevel.KS)
                .map(g -> new GoalNames(g.id(), g.year(), g.ref(), g.title(), null, g.id(), g.ref(), g.title()))
                .sorted(order.comparator()).map(GoalNames::ref).toList();
    }

    /** 422 naming each unknown or repeated reference; otherwise replaces the department's list. */
    @Transactional
    public GoalOrder set(Department department, int year, List<String> refs, Actor actor) {
        List<ProblemError> errors = new ArrayList<>();
        List<Goal> listed = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i) == null ? "" : refs.get(i).trim();
            String field = "goals[" + i + "]";
            Optional<Goal> goal = goals.findByLevelAndYearAndRef(GoalLevel.KS, year, ref);
            if (goal.isEmpty()) {
                errors.add(ProblemError.atField(field, "Kommunstyrelsens mål '%s' finns inte för %d".formatted(ref, year)));
            } else if (!seen.add(ref)) {
                errors.add(ProblemError.atField(field, "Målet '%s' står redan i listan".formatted(ref)));
            } else {
                listed.add(goal.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Målordningen kunde inte sparas", errors);
        }
        lock(department.id());
        GoalOrder before = of(department.id(), year);
        orders.deleteByDepartmentIdAndPlanYear(department.id(), year);
        for (int i = 0; i < listed.size(); i++) {
            orders.save(new GoalOrderRow(null, department.id(), year, listed.get(i).id(), i + 1));
        }
        GoalOrder after = new GoalOrder(listed.stream().map(Goal::ref).toList());
        audit.record(actor, "report.goal-order.changed", "goal-order:%s:%d".formatted(department.name(), year), null,
                Map.of("goals", before.listed()), Map.of("goals", after.listed()));
        return after;
    }

    /** The department's row lock: two settings at once replace the list one after the other, never interleaved. */
    private void lock(long departmentId) {
        jdbc.prepareStatement("SELECT id FROM department WHERE id = ? FOR UPDATE", statement -> {
            statement.setLong(1, departmentId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }
}
