package se.ange.tertial.schedule;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.register.org.Role;

/** The people reminders go to: who is active, absent, whose deputy, who manages what. */
public final class Directory {

    /** Who receives a person's reminder on a day: themselves, or their deputy while they are away. */
    public record Delivery(Person recipient, Optional<Person> onBehalfOf) {
    }

    private final Map<Long, Person> people;
    private final Map<Long, Set<Role>> roles;
    private final Map<Long, List<PersonAbsence>> absences;
    private final Set<Long> autoReplied;
    private final Map<String, LocalDate> snoozedUntil;
    private final Map<Long, List<Person>> managersByDepartment;
    private final List<Person> stab;

    public Directory(Collection<Person> people, Map<Long, Set<Role>> roles, Collection<PersonAbsence> absences) {
        this(people, roles, absences, Set.of(), Map.of());
    }

    /** {@code autoReplied}: people whose mailbox recently answered a reminder automatically (out of office). */
    /**
     * {@code snoozedUntil}: "person id|activity ref" → the day before which that person asked not to be
     * reminded of it ("påminn … om 3 dagar").
     */
    public Directory(Collection<Person> people, Map<Long, Set<Role>> roles, Collection<PersonAbsence> absences,
                     Set<Long> autoReplied, Map<String, LocalDate> snoozedUntil) {
        this.people = people.stream().collect(Collectors.toMap(Person::id, Function.identity()));
        this.roles = Map.copyOf(roles);
        this.absences = absences.stream().collect(Collectors.groupingBy(PersonAbsence::personId));
        this.autoReplied = Set.copyOf(autoReplied);
        this.snoozedUntil = Map.copyOf(snoozedUntil);
        // indexed once: an escalation day asks for the managers of every missing activity
        List<Person> byId = this.people.values().stream().filter(Person::active)
                .sorted(Comparator.comparing(Person::id)).toList();
        this.managersByDepartment = byId.stream().filter(p -> has(p, Role.MANAGER) && p.departmentId() != null)
                .collect(Collectors.groupingBy(Person::departmentId));
        this.stab = byId.stream().filter(p -> has(p, Role.STAB)).toList();
    }

    public boolean isSnoozed(Person person, String activityRef, LocalDate day) {
        LocalDate until = snoozedUntil.get(person.id() + "|" + activityRef);
        return until != null && day.isBefore(until);
    }

    public boolean sentAutoReply(Person person) {
        return autoReplied.contains(person.id());
    }

    public boolean isAbsent(Person person, LocalDate day) {
        return absences.getOrDefault(person.id(), List.of()).stream().anyMatch(a -> a.covers(day));
    }

    /**
     * Inactive people get nothing. An absent person's reminder goes to their deputy when the deputy is
     * active and present; with no such deputy it waits in their own inbox.
     */
    public Optional<Delivery> deliveryFor(Person person, LocalDate day) {
        if (!person.active()) {
            return Optional.empty();
        }
        if (isAbsent(person, day) && person.deputyId() != null) {
            Person deputy = people.get(person.deputyId());
            if (deputy != null && deputy.active() && !isAbsent(deputy, day)) {
                return Optional.of(new Delivery(deputy, Optional.of(person)));
            }
        }
        return Optional.of(new Delivery(person, Optional.empty()));
    }

    public Optional<Person> deputyOf(Person person) {
        return Optional.ofNullable(person.deputyId()).map(people::get);
    }

    /** The managers of the activity's department (or of its unit, for unit managers); stab when none. */
    public List<Person> managersOf(ActivityView activity) {
        List<Person> managers = managersByDepartment.getOrDefault(activity.activity().departmentId(), List.of()).stream()
                .filter(p -> p.unitId() == null || p.unitId().equals(activity.activity().unitId()))
                .toList();
        return managers.isEmpty() ? stab : managers;
    }

    private boolean has(Person person, Role role) {
        return roles.getOrDefault(person.id(), Set.of()).contains(role);
    }
}
