package se.ange.tertial.register.org;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import se.ange.tertial.system.Limits;

/** Finds departments and units by name, creating them the first time a plan or person names them. */
@Singleton
public class Organisation {

    private final DepartmentRepository departments;
    private final OrgUnitRepository units;

    Organisation(DepartmentRepository departments, OrgUnitRepository units) {
        this.departments = departments;
        this.units = units;
    }

    /** The department of that name (any case), created when there is none: for imports, which define the organisation. */
    public Department department(String name) {
        Limits.text("department", name.trim(), Limits.DEPARTMENT);
        return findDepartment(name).orElseGet(() -> departments.save(new Department(null, name.trim())));
    }

    /** The unit of that name in the department, or empty when no unit is named. */
    public Optional<OrgUnit> unit(Department department, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Limits.text("unit", name.trim(), Limits.UNIT);
        return Optional.of(findUnit(department, name)
                .orElseGet(() -> units.save(new OrgUnit(null, department.id(), name.trim()))));
    }

    /** The department of exactly that name, ignoring case ({@code %} and {@code _} are no wildcards). */
    public Optional<Department> findDepartment(String name) {
        if (name.trim().length() > Limits.DEPARTMENT) {
            return Optional.empty();
        }
        return departments.findByNameIlike(likeLiteral(name.trim()));
    }

    public Optional<OrgUnit> findUnit(Department department, String name) {
        if (name.trim().length() > Limits.UNIT) {
            return Optional.empty();
        }
        return units.findByDepartmentIdAndNameIlike(department.id(), likeLiteral(name.trim()));
    }

    /** The names of all departments, sorted: what a refusal of an unknown one lists. */
    public List<String> departmentNames() {
        return StreamSupport.stream(departments.findAll().spliterator(), false).map(Department::name).sorted().toList();
    }

    /** A text matched literally by (I)LIKE: backslash is the escape character in H2 and PostgreSQL alike. */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
