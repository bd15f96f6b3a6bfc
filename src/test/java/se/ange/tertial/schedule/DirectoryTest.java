package se.ange.tertial.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.activity.Activity;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.register.org.Role;

/** Who manages an activity (its unit's and department's managers, else stab), who is away, who answered automatically. */
class DirectoryTest {

    private static final Goal GOAL = new Goal(1L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser", 2024, null, null);

    private static Person person(long id, String name, Long department, Long unit, boolean active) {
        return new Person(id, name, name.toLowerCase().replace(' ', '.') + "@ange.example", department, unit, null, null,
                Language.SV, active, null, ReminderChannel.EMAIL);
    }

    private final Person anna = person(1, "Anna Holm", 10L, null, true);         // manages department 10
    private final Person bo = person(2, "Bo Ek", 10L, 100L, true);               // manages unit 100 of department 10
    private final Person cecilia = person(3, "Cecilia Ros", 20L, null, false);   // managed department 20, left
    private final Person stina = person(4, "Stina Lind", null, null, true);      // stab
    private final Person per = person(5, "Per Ås", null, null, true);            // manager without a department
    private final Person olle = person(6, "Olle Berg", 10L, null, true);         // owner in department 10
    private final Person eva = person(7, "Eva Sand", null, null, false);         // stab, left

    private final Directory directory = new Directory(List.of(anna, bo, cecilia, stina, per, olle, eva),
            Map.of(1L, Set.of(Role.MANAGER), 2L, Set.of(Role.MANAGER, Role.OWNER), 3L, Set.of(Role.MANAGER),
                    4L, Set.of(Role.STAB), 5L, Set.of(Role.MANAGER), 6L, Set.of(Role.OWNER), 7L, Set.of(Role.STAB)),
            List.of(new PersonAbsence(1L, 1L, LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-07"))),
            Set.of(2L), Map.of());

    private static ActivityView activity(long department, Long unit) {
        Activity activity = new Activity(null, "KS2024-001", "Titel", null, LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-12-31"), GOAL.id(), ActivitySource.KS, department, unit, null, Instant.EPOCH, Instant.EPOCH);
        return new ActivityView(activity, GOAL, null, "Avdelning", null, List.of(), List.of());
    }

    @Test
    void an_activity_is_managed_by_its_departments_managers_and_its_units_own() {
        assertThat(directory.managersOf(activity(10, 100L))).containsExactly(anna, bo);
        assertThat(directory.managersOf(activity(10, 200L))).containsExactly(anna);
        assertThat(directory.managersOf(activity(10, null))).containsExactly(anna);
    }

    @Test
    void an_activity_whose_department_has_no_active_manager_goes_to_stab() {
        assertThat(directory.managersOf(activity(20, null))).containsExactly(stina);
        assertThat(directory.managersOf(activity(30, null))).containsExactly(stina);
    }

    @Test
    void a_person_is_absent_only_on_the_days_of_their_absence() {
        assertThat(directory.isAbsent(anna, LocalDate.parse("2024-05-31"))).isFalse();
        assertThat(directory.isAbsent(anna, LocalDate.parse("2024-06-01"))).isTrue();
        assertThat(directory.isAbsent(anna, LocalDate.parse("2024-06-07"))).isTrue();
        assertThat(directory.isAbsent(anna, LocalDate.parse("2024-06-08"))).isFalse();
        assertThat(directory.isAbsent(bo, LocalDate.parse("2024-06-03"))).isFalse();
    }

    @Test
    void only_those_whose_mailbox_answered_automatically_sent_an_auto_reply() {
        assertThat(directory.sentAutoReply(bo)).isTrue();
        assertThat(directory.sentAutoReply(anna)).isFalse();
    }
}
