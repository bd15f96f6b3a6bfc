package se.ange.tertial.register.org;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;

/**
 * An administrator adds and renames departments and units; names are unique (ignoring case) among departments,
 * and among a department's units, as {@link Organisation} finds them. Each change is audited.
 */
@Singleton
public class OrganisationAdministration {

    private final Organisation organisation;
    private final DepartmentRepository departments;
    private final OrgUnitRepository units;
    private final AuditLog audit;

    OrganisationAdministration(Organisation organisation, DepartmentRepository departments, OrgUnitRepository units,
                               AuditLog audit) {
        this.organisation = organisation;
        this.departments = departments;
        this.units = units;
        this.audit = audit;
    }

    @Transactional
    public Department addDepartment(String name, Actor actor) {
        String clean = name(name, "department", Limits.DEPARTMENT);
        if (organisation.findDepartment(clean).isPresent()) {
            throw ProblemException.invalidField("department", "Avdelningen " + clean + " finns redan");
        }
        Department saved = departments.save(new Department(null, clean));
        audit.record(actor, "department.created", "department:" + saved.id(), null, null, Map.of("name", clean));
        return saved;
    }

    @Transactional
    public Department renameDepartment(long id, String name, Actor actor) {
        Department department = departments.findById(id)
                .orElseThrow(() -> ProblemException.notFound("Ingen avdelning med id " + id));
        String clean = name(name, "department", Limits.DEPARTMENT);
        if (organisation.findDepartment(clean).filter(other -> !other.id().equals(department.id())).isPresent()) {
            throw ProblemException.invalidField("department", "Avdelningen " + clean + " finns redan");
        }
        if (clean.equals(department.name())) {
            return department;
        }
        Department after = departments.update(new Department(department.id(), clean));
        audit.record(actor, "department.renamed", "department:" + id, null, Map.of("name", department.name()),
                Map.of("name", clean));
        return after;
    }

    @Transactional
    public OrgUnit addUnit(long departmentId, String name, Actor actor) {
        Department department = departments.findById(departmentId)
                .orElseThrow(() -> ProblemException.invalidField("department", "Ingen sådan avdelning"));
        String clean = name(name, "unit", Limits.UNIT);
        if (organisation.findUnit(department, clean).isPresent()) {
            throw ProblemException.invalidField("unit", "Enheten " + clean + " finns redan i " + department.name());
        }
        OrgUnit saved = units.save(new OrgUnit(null, department.id(), clean));
        audit.record(actor, "unit.created", "unit:" + saved.id(), null, null,
                Map.of("name", clean, "department", department.name()));
        return saved;
    }

    @Transactional
    public OrgUnit renameUnit(long id, String name, Actor actor) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> ProblemException.notFound("Ingen enhet med id " + id));
        Department department = departments.findById(unit.departmentId()).orElseThrow();
        String clean = name(name, "unit", Limits.UNIT);
        if (organisation.findUnit(department, clean).filter(other -> !other.id().equals(unit.id())).isPresent()) {
            throw ProblemException.invalidField("unit", "Enheten " + clean + " finns redan i " + department.name());
        }
        if (clean.equals(unit.name())) {
            return unit;
        }
        OrgUnit after = units.update(new OrgUnit(unit.id(), unit.departmentId(), clean));
        audit.record(actor, "unit.renamed", "unit:" + id, null, Map.of("name", unit.name()), Map.of("name", clean));
        return after;
    }

    private static String name(String name, String field, int max) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw ProblemException.invalidField(field, "Namnet får inte vara tomt");
        }
        if (clean.length() > max) {
            throw ProblemException.invalidField(field, Limits.tooLong(field, max));
        }
        return clean;
    }
}
