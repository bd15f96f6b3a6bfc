package se.ange.tertial.register.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditRepository;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.importer.PeopleImport;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;
import se.ange.tertial.system.ProblemException;

/**
 * The admin's changes to people and the organisation: each refused value names its field, each change is audited,
 * and the people import's preview says what each line would do and keeps nothing.
 */
@MicronautTest(environments = "test", transactional = false)
class PersonAdministrationTest {

    private static final Actor ADMIN = new Actor("admin", null, Channel.WEB, "test");

    @Inject
    DataSource dataSource;

    @Inject
    PersonAdministration administration;

    @Inject
    OrganisationAdministration organisation;

    @Inject
    Organisation departments;

    @Inject
    PeopleImport peopleImport;

    @Inject
    PersonRepository people;

    @Inject
    AuditRepository audit;

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        peopleImport.run(Fixtures.people(), ADMIN);
    }

    private long audits() {
        return audit.findByOccurredAtGreaterThanEqualsOrderById(java.time.Instant.EPOCH).size();
    }

    private Person emma() {
        return people.findByEmail("emma.berglund@ange.example").orElseThrow();
    }

    @Test
    void details_are_checked_field_by_field_and_audited_only_when_changed() {
        Person emma = emma();
        Long social = departments.findDepartment("Socialavdelningen").orElseThrow().id();
        assertThatThrownBy(() -> administration.changeDetails(emma, new PersonAdministration.Details(" ",
                emma.departmentId(), null, Language.SV, true), ADMIN)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("name"));
        assertThatThrownBy(() -> administration.changeDetails(emma, new PersonAdministration.Details("Emma",
                social, emma.unitId(), Language.SV, true), ADMIN)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("unit"));
        assertThatThrownBy(() -> administration.changeDetails(emma, new PersonAdministration.Details("Emma",
                -1L, null, Language.SV, true), ADMIN)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("department"));

        long before = audits();
        administration.changeDetails(emma, new PersonAdministration.Details(emma.name(), emma.departmentId(),
                emma.unitId(), emma.language(), emma.active()), ADMIN);
        assertThat(audits()).isEqualTo(before);
        Person moved = administration.changeDetails(emma, new PersonAdministration.Details("Emma B", social, null,
                Language.EN, false), ADMIN);
        assertThat(people.findById(emma.id()).orElseThrow()).isEqualTo(moved);
        assertThat(moved.slackUserId()).isEqualTo(emma.slackUserId());
        assertThat(audits()).isEqualTo(before + 1);
    }

    @Test
    void roles_need_one_and_an_admin_keeps_their_own() {
        Person emma = emma();
        assertThatThrownBy(() -> administration.setRoles(emma, Set.of(), ADMIN)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> administration.setRoles(emma, Set.of(Role.GATEWAY), ADMIN))
                .isInstanceOf(ProblemException.class);
        assertThat(administration.setRoles(emma, Set.of(Role.ADMIN, Role.OWNER), ADMIN))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.OWNER);
        Actor herself = new Actor(emma.email(), emma.id(), Channel.WEB, "web");
        assertThatThrownBy(() -> administration.setRoles(emma, Set.of(Role.OWNER), herself))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("egen"));
        assertThat(administration.current(emma)).containsExactlyInAnyOrder(Role.ADMIN, Role.OWNER);
    }

    @Test
    void unlinking_a_chat_sends_reminders_by_mail() {
        Person emma = people.update(emma().withPreferences(ReminderChannel.SLACK, Language.SV));
        Person after = administration.unlinkSlack(emma, ADMIN);
        assertThat(after.slackUserId()).isNull();
        assertThat(after.reminderChannel()).isEqualTo(ReminderChannel.EMAIL);
        assertThat(people.findById(emma.id()).orElseThrow()).isEqualTo(after);
        assertThat(administration.unlinkTeams(after, ADMIN)).isEqualTo(after);
    }

    @Test
    void departments_and_units_have_unique_names() {
        Department culture = organisation.addDepartment(" Kulturavdelningen ", ADMIN);
        assertThat(culture.name()).isEqualTo("Kulturavdelningen");
        assertThatThrownBy(() -> organisation.addDepartment("staben", ADMIN)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> organisation.renameDepartment(culture.id(), "STABEN", ADMIN))
                .isInstanceOf(ProblemException.class);
        assertThat(organisation.renameDepartment(culture.id(), "Kultur", ADMIN).name()).isEqualTo("Kultur");
        OrgUnit library = organisation.addUnit(culture.id(), "Bibliotek", ADMIN);
        assertThatThrownBy(() -> organisation.addUnit(culture.id(), "bibliotek", ADMIN))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> organisation.addUnit(culture.id(), "", ADMIN)).isInstanceOf(ProblemException.class);
        assertThat(organisation.renameUnit(library.id(), "Biblioteket", ADMIN).name()).isEqualTo("Biblioteket");
        assertThat(departments.findUnit(departments.findDepartment("Kultur").orElseThrow(), "biblioteket")).isPresent();
    }

    @Test
    void the_import_preview_says_what_each_line_would_do_and_keeps_nothing() {
        long before = audits();
        PeopleImport.Preview preview = peopleImport.preview("""
                name,email,role,department
                Emma Berglund,emma.berglund@ange.example,owner,Staben
                Emma Berglund,emma.berglund@ange.example,manager,Staben
                Ny Person,ny.person@ange.example,owner,Nya avdelningen
                Fel,inte-en-adress,owner,Staben
                """, ADMIN);
        assertThat(preview.lines()).extracting(PeopleImport.LineOutcome::line, PeopleImport.LineOutcome::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, PeopleImport.Outcome.UPDATED),
                        org.assertj.core.groups.Tuple.tuple(4, PeopleImport.Outcome.CREATED));
        assertThat(preview.refused()).extracting(e -> e.line()).containsExactly(3, 5);
        assertThat(people.findByEmail("ny.person@ange.example")).isEmpty();
        assertThat(departments.findDepartment("Nya avdelningen")).isEmpty();
        assertThat(audits()).isEqualTo(before);
    }
}
