package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.Organisation;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/**
 * The rules for adding activities toward the board's KS goals, shared by the own-activities import (which
 * turns each refusal into a line error) and {@code POST /api/activities} (a field error): the goal must come
 * from the plan already, a manager adds only to their own department, and an activity of one origin is never
 * turned into one of the other.
 */
@Singleton
public class NewActivities {

    private final GoalRepository goals;
    private final Organisation organisation;
    private final ActivityCatalog catalog;
    private final ActivityStore store;

    NewActivities(GoalRepository goals, Organisation organisation, ActivityCatalog catalog, ActivityStore store) {
        this.goals = goals;
        this.organisation = organisation;
        this.catalog = catalog;
        this.store = store;
    }

    /** Stab (and admin) add to any department; a manager only to their own. */
    public static boolean mayAddAny(Caller caller) {
        return caller.has(Role.STAB) || caller.has(Role.ADMIN);
    }

    /** Why the KS goal cannot take activities, or empty: own activities hang on goals the plan created. */
    public Optional<String> missingGoal(int year, String ksRef) {
        return goals.findByLevelAndYearAndRef(GoalLevel.KS, year, ksRef).isPresent() ? Optional.empty()
                : Optional.of("KS-mål %s (%d) finns inte; importera kommunstyrelsens plan först".formatted(ksRef, year));
    }

    /** Why the caller may not add an activity for that department, or empty. */
    public Optional<String> departmentRefusal(Caller caller, String department) {
        if (mayAddAny(caller)) {
            return Optional.empty();
        }
        Optional<Long> id = organisation.findDepartment(department).map(Department::id);
        if (caller.departmentId() != null && id.isPresent() && Objects.equals(id.get(), caller.departmentId())) {
            return Optional.empty();
        }
        return Optional.of("Som chef lägger du bara till aktiviteter för din egen avdelning, inte för " + department.strip());
    }

    /**
     * Why a unit's manager may not add an activity for that unit, or empty: they add only their own unit's (an
     * activity of another unit, or of the department as a whole, would leave their sight at once).
     */
    public Optional<String> unitRefusal(Caller caller, String department, @Nullable String unit) {
        if (mayAddAny(caller) || caller.unitId() == null) {
            return Optional.empty();
        }
        boolean ownUnit = unit != null && organisation.findDepartment(department)
                .flatMap(d -> organisation.findUnit(d, unit)).filter(u -> caller.unitId().equals(u.id())).isPresent();
        return ownUnit ? Optional.empty()
                : Optional.of("Som enhetschef lägger du bara till aktiviteter för din egen enhet");
    }

    /**
     * Why a manager may not change the activity of that ref, or empty: an import row matching another
     * department's activity would otherwise move it into the manager's department.
     */
    public Optional<String> othersActivity(Caller caller, String ref) {
        if (mayAddAny(caller)) {
            return Optional.empty();
        }
        return catalog.byRef(ref)
                .filter(view -> !Objects.equals(view.activity().departmentId(), caller.departmentId()))
                .map(view -> "Referensen %s är en aktivitet för %s; välj en annan referens".formatted(ref, view.department()));
    }

    /**
     * Why saving the ref as {@code source} would change the origin of an activity already in the register, or
     * empty: a plan import never takes over a department's own activity, nor the reverse.
     */
    public Optional<String> originClash(String ref, ActivitySource source) {
        return catalog.byRef(ref).map(view -> view.activity().source())
                .filter(existing -> existing != source)
                .map(existing -> "Referensen %s finns redan som aktivitet från %s; välj en annan referens"
                        .formatted(ref, existing.swedish().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * Creates one activity: 409 when the ref is taken, 422 naming the field when the goal or department is
     * unknown, 403 for a manager outside their department or asking for a plan activity.
     */
    @Transactional
    public ActivityView create(ActivityData data, Caller caller, Actor actor) {
        if (!mayAddAny(caller) && data.source() != ActivitySource.UNIT) {
            throw ProblemException.forbidden("Som chef lägger du till avdelningens egna aktiviteter (source UNIT); "
                    + "kommunstyrelsens plan förs in av stab");
        }
        departmentRefusal(caller, data.department()).or(() -> unitRefusal(caller, data.department(), data.unit()))
                .ifPresent(reason -> {
                    throw ProblemException.forbidden(reason);
                });
        if (organisation.findDepartment(data.department()).isEmpty()) {
            throw ProblemException.invalidField("department", "Det finns ingen avdelning som heter '%s'. Välj en av: %s"
                    .formatted(data.department().strip(), String.join(", ", organisation.departmentNames())));
        }
        missingGoal(data.goalYear(), data.goalRef()).ifPresent(reason -> {
            throw ProblemException.invalidField("goal", reason);
        });
        // refs differing only in case would read as one activity in chat and reports
        if (catalog.byRef(data.ref()).isPresent()
                || catalog.allUncached().stream().anyMatch(view -> view.ref().equalsIgnoreCase(data.ref()))) {
            throw new ProblemException(HttpStatus.CONFLICT, "Aktiviteten %s finns redan".formatted(data.ref()),
                    List.of(ProblemError.atField("ref", "Referensen %s är upptagen".formatted(data.ref()))));
        }
        store.save(data, actor);
        return catalog.byRef(data.ref()).orElseThrow();
    }

    /** A reference as the plan writes them (KS2024-017, ST2024-101), or the reason it is not one. */
    public static @Nullable String badRef(String ref) {
        return ref.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}") ? null
                : "'%s' är ingen giltig referens (t.ex. ST2024-101)".formatted(se.ange.tertial.system.Limits.excerpt(ref));
    }
}
