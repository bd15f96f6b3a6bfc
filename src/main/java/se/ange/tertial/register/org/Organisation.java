package se.ange.tertial.register.org;

import jakarta.inject.Singleton;
import java.util.Optional;

/** Finds departments and units by name, creating them the first time a plan or person names them. */
@Singleton
public class Organisation {

    private final DepartmentRepository departments;
    private final OrgUnitRepository units;

    Organisation(DepartmentRepository departments, OrgUnitRepository units) {
        this.departments = departments;
        this.units = units;
    }

    public Department department(String name) {
        return departments.findByNameIlike(name.trim())
                .orElseGet(() -> departments.save(new Department(null, name.trim())));
    }

    /** The unit of that name in the department, or empty when no unit is named. */
    public Optional<OrgUnit> unit(Department department, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(units.findByDepartmentIdAndNameIlike(department.id(), name.trim())
                .orElseGet(() -> units.save(new OrgUnit(null, department.id(), name.trim()))));
    }

    public Optional<Department> findDepartment(String name) {
        return departments.findByNameIlike(name.trim());
    }
}
