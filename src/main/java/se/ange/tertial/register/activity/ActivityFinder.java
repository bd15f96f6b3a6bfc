package se.ange.tertial.register.activity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import se.ange.tertial.followup.Status;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.OrgUnitRepository;

/**
 * Reads the activities a request path needs ({@link ActivitySelection}) by index, a few queries however large the
 * register, instead of the whole register ({@link ActivityCatalog#all()}, kept for reports and plan-wide views).
 * In reference order, as the whole register is.
 */
@Singleton
public class ActivityFinder {

    private final JdbcOperations jdbc;
    private final ActivityCatalog catalog;
    private final DepartmentRepository departments;
    private final OrgUnitRepository units;

    ActivityFinder(JdbcOperations jdbc, ActivityCatalog catalog, DepartmentRepository departments,
                   OrgUnitRepository units) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.departments = departments;
        this.units = units;
    }

    /** The selected activities with goals, owners and history, by reference. */
    @Transactional
    public List<ActivityView> find(ActivitySelection selection) {
        return where(selection).map(where -> catalog.byIds(column("id", where, rows -> rows.getLong(1))))
                .orElse(List.of());
    }

    /** Only the selected activities' references, by reference (for suggestions and lookups by a typed ref). */
    @Transactional
    public List<String> refs(ActivitySelection selection) {
        return where(selection).map(where -> column("ref", where, rows -> rows.getString(1))).orElse(List.of());
    }

    /**
     * How many activities each KS goal has per current status (the status column; null: nothing reported yet), for
     * the goals of {@code year} or of every year: one grouped query instead of the whole register.
     */
    @Transactional
    public Map<Long, Map<Status, Integer>> countsByGoalAndStatus(@Nullable Integer year) {
        String sql = "SELECT goal_id, status, COUNT(*) FROM activity"
                + (year == null ? "" : " WHERE goal_id IN (SELECT id FROM goal WHERE plan_year = ?)")
                + " GROUP BY goal_id, status";
        return jdbc.prepareStatement(sql, statement -> {
            if (year != null) {
                statement.setInt(1, year);
            }
            Map<Long, Map<Status, Integer>> counts = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String status = rows.getString(2);
                    counts.computeIfAbsent(rows.getLong(1), goal -> new HashMap<>())
                            .put(status == null ? null : Status.valueOf(status), rows.getInt(3));
                }
            }
            return counts;
        });
    }

    private interface Column<T> {
        T read(ResultSet rows) throws java.sql.SQLException;
    }

    private record Where(String sql, List<Object> parameters) {
    }

    private <T> List<T> column(String name, Where where, Column<T> column) {
        String sql = "SELECT " + name + " FROM activity" + (where.sql().isEmpty() ? "" : " WHERE " + where.sql())
                + " ORDER BY ref";
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < where.parameters().size(); i++) {
                statement.setObject(i + 1, where.parameters().get(i));
            }
            List<T> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(column.read(rows));
                }
            }
            return values;
        });
    }

    /** The SQL conditions of a selection; empty when nothing can match (then no query is needed). */
    private Optional<Where> where(ActivitySelection selection) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        Permissions.Reach reach = selection.reach();
        if (!reach.everything()) {
            if (reach.isEmpty()) {
                return Optional.empty();
            }
            List<String> either = new ArrayList<>();
            if (reach.departmentId() != null) {
                either.add(reach.unitId() == null ? "department_id = ?" : "(department_id = ? AND unit_id = ?)");
                parameters.add(reach.departmentId());
                if (reach.unitId() != null) {
                    parameters.add(reach.unitId());
                }
            }
            if (!reach.holders().isEmpty()) {
                either.add("id IN (SELECT activity_id FROM activity_owner WHERE person_id IN ("
                        + marks(reach.holders().size()) + "))");
                parameters.addAll(reach.holders());
            }
            conditions.add("(" + String.join(" OR ", either) + ")");
        }
        if (selection.departmentName() != null) {
            List<Long> ids = StreamSupport.stream(departments.findAll().spliterator(), false)
                    .filter(d -> d.name().equalsIgnoreCase(selection.departmentName())).map(Department::id).toList();
            if (!in("department_id", ids, conditions, parameters)) {
                return Optional.empty();
            }
        }
        if (selection.unitName() != null) {
            List<Long> ids = StreamSupport.stream(units.findAll().spliterator(), false)
                    .filter(u -> u.name().equalsIgnoreCase(selection.unitName())).map(OrgUnit::id).toList();
            if (!in("unit_id", ids, conditions, parameters)) {
                return Optional.empty();
            }
        }
        if (selection.ownerEmail() != null) {
            conditions.add("id IN (SELECT o.activity_id FROM activity_owner o JOIN person p ON p.id = o.person_id"
                    + " WHERE p.email = ?)");
            parameters.add(selection.ownerEmail());
        }
        if (selection.status() != null) {
            conditions.add("status = ?");
            parameters.add(selection.status().name());
        }
        if (selection.goalRef() != null) {
            conditions.add("goal_id IN (SELECT id FROM goal WHERE ref = ? OR ref LIKE ? ESCAPE '!')");
            parameters.add(selection.goalRef());
            parameters.add(likeLiteral(selection.goalRef()) + ".%");
        }
        if (selection.endBefore() != null) {
            conditions.add("end_date < ?");
            parameters.add(selection.endBefore());
        }
        if (selection.startBy() != null) {
            conditions.add("start_date <= ?");
            parameters.add(selection.startBy());
        }
        if (selection.refPrefix() != null) {
            conditions.add("UPPER(ref) LIKE ? ESCAPE '!'");
            parameters.add(likeLiteral(selection.refPrefix()) + "%");
        }
        return Optional.of(new Where(String.join(" AND ", conditions), parameters));
    }

    private static boolean in(String column, List<Long> ids, List<String> conditions, List<Object> parameters) {
        if (ids.isEmpty()) {
            return false;
        }
        conditions.add(column + " IN (" + marks(ids.size()) + ")");
        parameters.addAll(ids);
        return true;
    }

    private static String marks(int count) {
        return "?,".repeat(count - 1) + "?";
    }

    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
