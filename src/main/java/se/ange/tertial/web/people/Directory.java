package se.ange.tertial.web.people;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.OrgUnitRepository;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.register.org.PersonAbsenceRepository;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.PersonRole;
import se.ange.tertial.register.org.PersonRoleRepository;
import se.ange.tertial.register.org.Role;

/** The register's people and organisation as the pages read them: one snapshot per request. */
@Singleton
class Directory {

    /** Everything a people page shows, read at once. */
    record Snapshot(List<Person> people, Map<Long, Set<Role>> roles, List<Department> departments,
                    List<OrgUnit> units, Map<Long, List<PersonAbsence>> absences) {

        Set<Role> rolesOf(Person person) {
            return roles.getOrDefault(person.id(), Set.of());
        }

        Optional<Person> person(Long id) {
            return id == null ? Optional.empty() : people.stream().filter(p -> p.id().equals(id)).findFirst();
        }

        String departmentName(Long id) {
            return id == null ? "" : departments.stream().filter(d -> d.id().equals(id)).map(Department::name)
                    .findFirst().orElse("");
        }

        String unitName(Long id) {
            return id == null ? "" : units.stream().filter(u -> u.id().equals(id)).map(OrgUnit::name)
                    .findFirst().orElse("");
        }

        List<OrgUnit> unitsOf(Department department) {
            return units.stream().filter(u -> u.departmentId().equals(department.id()))
                    .sorted(Comparator.comparing(OrgUnit::name)).toList();
        }

        /** The absence that covers the day, if any. */
        Optional<PersonAbsence> absentOn(Person person, LocalDate day) {
            return absences.getOrDefault(person.id(), List.of()).stream().filter(a -> a.covers(day)).findFirst();
        }
    }

    private final PersonRepository people;
    private final PersonRoleRepository roles;
    private final DepartmentRepository departments;
    private final OrgUnitRepository units;
    private final PersonAbsenceRepository absences;

    Directory(PersonRepository people, PersonRoleRepository roles, DepartmentRepository departments,
              OrgUnitRepository units, PersonAbsenceRepository absences) {
        this.people = people;
        this.roles = roles;
        this.departments = departments;
        this.units = units;
        this.absences = absences;
    }

    Snapshot read() {
        Map<Long, Set<Role>> byPerson = new HashMap<>();
        for (PersonRole role : roles.findAll()) {
            byPerson.computeIfAbsent(role.personId(), id -> EnumSet.noneOf(Role.class)).add(role.role());
        }
        List<Person> everyone = people.findAll().stream()
                .sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Person::email))
                .toList();
        List<Department> allDepartments = StreamSupport.stream(departments.findAll().spliterator(), false)
                .sorted(Comparator.comparing(Department::name, String.CASE_INSENSITIVE_ORDER)).toList();
        List<OrgUnit> allUnits = StreamSupport.stream(units.findAll().spliterator(), false).toList();
        Map<Long, List<PersonAbsence>> allAbsences = StreamSupport.stream(absences.findAll().spliterator(), false)
                .collect(Collectors.groupingBy(PersonAbsence::personId));
        return new Snapshot(everyone, byPerson, allDepartments, allUnits, allAbsences);
    }

    Optional<Person> person(long id) {
        return people.findById(id);
    }

    /** E-mail addresses are stored lower case. */
    Optional<Person> byEmail(String email) {
        return people.findByEmail(email);
    }
}
