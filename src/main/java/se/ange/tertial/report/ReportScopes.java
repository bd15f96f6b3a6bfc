package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.OrgUnitRepository;
import se.ange.tertial.register.org.Organisation;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.system.ProblemException;

/**
 * The report kind and scope a request asks for, and whether the caller may have it (see {@link ReportAccess}):
 * the måluppföljning is the whole municipality's (stab, admin); an uppsiktsrapport is a department's (stab and
 * admin any, a manager their own, a unit manager their unit's activities).
 */
@Singleton
class ReportScopes {

    private final Organisation organisation;
    private final OrgUnitRepository units;

    ReportScopes(Organisation organisation, OrgUnitRepository units) {
        this.organisation = organisation;
        this.units = units;
    }

    /** The kind asked for: uppsikt with a department, måluppföljning without (422 naming the field otherwise). */
    static ReportKind kind(@Nullable String kind, @Nullable String department) {
        boolean hasDepartment = department != null && !department.isBlank();
        ReportKind chosen = kind == null || kind.isBlank()
                ? (hasDepartment ? ReportKind.UPPSIKT : ReportKind.MALUPPFOLJNING)
                : ReportKind.parse(kind).orElseThrow(() -> ProblemException.invalidField("kind",
                        "Okänd rapporttyp '%s'. Välj uppsikt eller maluppfoljning".formatted(kind)));
        if (chosen == ReportKind.MALUPPFOLJNING && hasDepartment) {
            throw ProblemException.invalidField("department",
                    "Måluppföljningen gäller hela kommunen; ta bort department eller välj kind=uppsikt");
        }
        if (chosen == ReportKind.UPPSIKT && !hasDepartment) {
            throw ProblemException.invalidField("department",
                    "Uppsiktsrapporten gäller en avdelning; ange department, t.ex. department=Staben");
        }
        return chosen;
    }

    ReportScope forReport(Caller caller, ReportKind kind, @Nullable String departmentName) {
        return forReport(caller, kind, departmentName, null);
    }

    /**
     * With {@code unitName}: one unit's uppsiktsrapport (stab and admin any unit, a department's manager their
     * department's units, a unit manager only their own unit).
     */
    ReportScope forReport(Caller caller, ReportKind kind, @Nullable String departmentName, @Nullable String unitName) {
        if (unitName != null && !unitName.isBlank()) {
            if (kind != ReportKind.UPPSIKT) {
                throw ProblemException.invalidField("unit", "Måluppföljningen gäller hela kommunen; ta bort unit");
            }
            Department department = department(departmentName);
            OrgUnit unit = organisation.findUnit(department, unitName.strip()).orElseThrow(() ->
                    ProblemException.invalidField("unit", "%s har ingen enhet som heter %s"
                            .formatted(department.name(), unitName.strip())));
            boolean allowed = ReportAccess.seesEverything(caller) || ReportAccess.managesScope(caller, department.id())
                    && (caller.unitId() == null || caller.unitId().equals(unit.id()));
            if (!allowed) {
                throw ProblemException.forbidden("Du får bara ta fram rapporten för din egen avdelning eller enhet");
            }
            return new ReportScope(department.id(), unit.id(), department.name() + " – " + unit.name());
        }
        if (kind == ReportKind.MALUPPFOLJNING) {
            if (!ReportAccess.seesEverything(caller)) {
                throw ProblemException.forbidden(caller.has(Role.MANAGER)
                        ? "Som chef kan du ta fram uppsiktsrapporten för din avdelning (department=…); måluppföljningen gör stab"
                        : "Rapporterna tas fram av stab och chefer");
            }
            return ReportScope.municipality();
        }
        Department department = department(departmentName);
        if (ReportAccess.seesEverything(caller)) {
            return new ReportScope(department.id(), null, department.name());
        }
        if (!ReportAccess.managesScope(caller, department.id())) {
            throw ProblemException.forbidden("Du får bara ta fram rapporten för din egen avdelning");
        }
        if (caller.unitId() != null) {
            String unit = units.findById(caller.unitId()).map(OrgUnit::name).orElse("?");
            return new ReportScope(department.id(), caller.unitId(), department.name() + " – " + unit);
        }
        return new ReportScope(department.id(), null, department.name());
    }

    Department department(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.invalidField("department", "Ange avdelningen, t.ex. department=Staben");
        }
        return organisation.findDepartment(name)
                .orElseThrow(() -> ProblemException.notFound("Avdelningen " + name + " finns inte"));
    }

    /**
     * Who may write a report's texts or a department's goal order: stab any; a department's manager (not a
     * unit's) their own department's uppsikt; nobody else.
     */
    static boolean mayEdit(Caller caller, ReportKind kind, @Nullable Long departmentId) {
        if (caller.has(Role.STAB)) {
            return true;
        }
        return kind == ReportKind.UPPSIKT && caller.unitId() == null && ReportAccess.managesScope(caller, departmentId);
    }

    /** Who may read them: stab and admin all; a manager their department's. */
    static boolean mayRead(Caller caller, ReportKind kind, @Nullable Long departmentId) {
        return ReportAccess.seesEverything(caller)
                || kind == ReportKind.UPPSIKT && ReportAccess.managesScope(caller, departmentId);
    }
}
