package se.ange.tertial.web.people;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.OrgUnitRepository;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.register.org.PersonAbsenceRepository;
import se.ange.tertial.register.org.PersonChoice;
import se.ange.tertial.register.org.PersonLists;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.PersonRole;
import se.ange.tertial.register.org.PersonRoleRepository;
import se.ange.tertial.register.org.Role;

/**
 * The register's people and organisation as the pages read them. People are read a page at a time, or as a list of
 * choices (id, name, e-mail), never whole; departments and units, a few dozen rows, are read whole.
 */
@Singleton
class Directory {

    /** The departments (by name) and their units. */
    record Places(List<Department> departments, List<OrgUnit> units) {

        String departmentName(@Nullable Long id) {
            return id == null ? "" : departments.stream().filter(d -> d.id().equals(id)).map(Department::name)
                    .findFirst().orElse("");
        }

        String unitName(@Nullable Long id) {
            return id == null ? "" : units.stream().filter(u -> u.id().equals(id)).map(OrgUnit::name)
                    .findFirst().orElse("");
        }

        List<OrgUnit> unitsOf(Department department) {
            return units.stream().filter(u -> u.departmentId().equals(department.id()))
                    .sorted(Comparator.comparing(OrgUnit::name)).toList();
        }
    }

    /** One page of people ({@code number} of {@code count}, from 1) with what its rows show of each. */
    record Page(long total, int number, int count, List<Person> people, Map<Long, Set<Role>> roles,
                Map<Long, String> deputyNames, Map<Long, PersonAbsence> absentToday) {

        Set<Role> rolesOf(Person person) {
            return roles.getOrDefault(person.id(), Set.of());
        }
    }

    private final PersonRepository people;
    private final PersonLists lists;
    private final PersonRoleRepository roles;
    private final DepartmentRepository departments;
    private final OrgUnitRepository units;
    private final PersonAbsenceRepository absences;

    Directory(PersonRepository people, PersonLists lists, PersonRoleRepository roles, DepartmentRepository departments,
              OrgUnitRepository units, PersonAbsenceRepository absences) {
        this.people = people;
        this.lists = lists;
        this.roles = roles;
        this.departments = departments;
        this.units = units;
        this.absences = absences;
    }

    Places places() {
        List<Department> allDepartments = StreamSupport.stream(departments.findAll().spliterator(), false)
                .sorted(Comparator.comparing(Department::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return new Places(allDepartments, StreamSupport.stream(units.findAll().spliterator(), false).toList());
    }

    /**
     * The people whose name or e-mail contains {@code search}, in the department and with the role if given, page
     * {@code asked} of {@code size} (kept within the pages there are).
     */
    Page page(String search, @Nullable Long department, @Nullable Role role, int asked, int size, LocalDate today) {
        String pattern = PersonLists.containing(search);
        long departmentId = department == null ? 0 : department;
        String roleName = role == null ? "" : role.name();
        long total = lists.count(pattern, departmentId, roleName);
        int count = (int) Math.max(1, (total + size - 1) / size);
        int number = Math.max(1, Math.min(count, asked));
        List<Person> shown = total == 0 ? List.of()
                : lists.page(pattern, departmentId, roleName, size, (long) (number - 1) * size);
        if (shown.isEmpty()) {
            return new Page(total, number, count, shown, Map.of(), Map.of(), Map.of());
        }
        List<Long> ids = shown.stream().map(Person::id).toList();
        Map<Long, Set<Role>> byPerson = new HashMap<>();
        for (PersonRole personRole : roles.findByPersonIdIn(ids)) {
            byPerson.computeIfAbsent(personRole.personId(), id -> EnumSet.noneOf(Role.class)).add(personRole.role());
        }
        List<Long> deputyIds = shown.stream().map(Person::deputyId).filter(Objects::nonNull).distinct().toList();
        Map<Long, String> deputyNames = new HashMap<>();
        if (!deputyIds.isEmpty()) {
            people.findByIdIn(deputyIds).forEach(deputy -> deputyNames.put(deputy.id(), deputy.name()));
        }
        Map<Long, PersonAbsence> absent = new HashMap<>();
        absences.findByPersonIdInAndFromDateLessThanEqualsAndToDateGreaterThanEquals(ids, today, today)
                .forEach(absence -> absent.putIfAbsent(absence.personId(), absence));
        return new Page(total, number, count, shown, byPerson, deputyNames, absent);
    }

    Set<Role> roles(Person person) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        roles.findByPersonId(person.id()).forEach(personRole -> held.add(personRole.role()));
        return held;
    }

    /** Everyone as a list of choices, in {@link se.ange.tertial.register.org.PersonOrder}. */
    List<PersonChoice> choices() {
        return lists.choices();
    }

    List<Person> activeManagers() {
        return lists.activeManagers();
    }

    Optional<Person> person(@Nullable Long id) {
        return id == null ? Optional.empty() : people.findById(id);
    }

    /** E-mail addresses are stored lower case. */
    Optional<Person> byEmail(String email) {
        return people.findByEmail(email);
    }
}
