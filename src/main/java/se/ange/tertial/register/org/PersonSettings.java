package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.Language;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;

/**
 * The changes a person (or an admin) makes to a person's own settings: deputy, absences, reminder channel and
 * language, each stored together with its audit row. One rule for the API and the web page; who may change
 * whom is the caller's concern.
 */
@Singleton
public class PersonSettings {

    private final PersonRepository people;
    private final PersonAbsenceRepository absences;
    private final AuditLog audit;

    PersonSettings(PersonRepository people, PersonAbsenceRepository absences, AuditLog audit) {
        this.people = people;
        this.absences = absences;
        this.audit = audit;
    }

    /** Sets the deputy by e-mail, or none (null or blank); a person cannot be their own deputy. */
    @Transactional
    public Person setDeputy(Person person, @Nullable String deputyEmail, Actor actor) {
        Long deputyId = null;
        if (deputyEmail != null && !deputyEmail.isBlank()) {
            Person deputy = people.findByEmail(deputyEmail.trim().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> ProblemException.notFound("Ingen person med e-post " + deputyEmail));
            if (deputy.id().equals(person.id())) {
                throw ProblemException.invalidField("deputy", "En person kan inte vara sin egen ersättare");
            }
            deputyId = deputy.id();
        }
        Person after = people.update(person.withDeputy(deputyId));
        audit.record(actor, "person.deputy", "person:" + person.email(), null,
                Map.of("deputy", String.valueOf(person.deputyId())), Map.of("deputy", String.valueOf(deputyId)));
        return after;
    }

    /** Adds a period away (both days included); it may not end before it begins. */
    @Transactional
    public PersonAbsence addAbsence(Person person, LocalDate from, LocalDate to, Actor actor) {
        Limits.date("from", from);
        Limits.date("to", to);
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "Frånvaron slutar %s, före den börjar %s".formatted(to, from));
        }
        PersonAbsence saved = absences.save(new PersonAbsence(null, person.id(), from, to));
        audit.record(actor, "person.absence", "person:" + person.email(), null,
                null, Map.of("from", from.toString(), "to", to.toString()));
        return saved;
    }

    /** Removes one of the person's absences that has not ended yet (what is past stays as it was). */
    @Transactional
    public void removeAbsence(Person person, long absenceId, LocalDate today, Actor actor) {
        PersonAbsence absence = absences.findById(absenceId)
                .filter(found -> found.personId().equals(person.id()) && !found.toDate().isBefore(today))
                .orElseThrow(() -> ProblemException.notFound("Ingen kommande frånvaro med id " + absenceId));
        absences.delete(absence);
        audit.record(actor, "person.absence.removed", "person:" + person.email(), null,
                Map.of("from", absence.fromDate().toString(), "to", absence.toDate().toString()), null);
    }

    /** The person's absences that have not ended by the day, earliest first. */
    public List<PersonAbsence> comingAbsences(Person person, LocalDate today) {
        return absences.findByPersonId(person.id()).stream().filter(absence -> !absence.toDate().isBefore(today))
                .sorted(java.util.Comparator.comparing(PersonAbsence::fromDate)).toList();
    }

    /** Where reminders go and the language of messages and pages; audited when something changed. */
    @Transactional
    public Person setPreferences(Person person, ReminderChannel channel, Language language, Actor actor) {
        if (person.reminderChannel() == channel && person.language() == language) {
            return person;
        }
        Person after = people.update(person.withPreferences(channel, language));
        audit.record(actor, "person.preferences", "person:" + person.email(), null,
                preferences(person), preferences(after));
        return after;
    }

    private static Map<String, String> preferences(Person person) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reminderChannel", person.reminderChannel().name());
        values.put("language", person.language().name());
        return values;
    }
}
