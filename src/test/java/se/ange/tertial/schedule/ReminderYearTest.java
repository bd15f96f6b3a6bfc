package se.ange.tertial.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAbsence;

/** Drives the planner through every day of 2024 (and into January 2025) with the municipality's plan. */
class ReminderYearTest {

    private final ReminderPlanner planner =
            new ReminderPlanner(se.ange.tertial.followup.Rules.CALENDAR);

    record Sent(LocalDate day, String recipient, ReminderPurpose purpose, String step, String tertial, String ref,
                String note) {
    }

    private List<Sent> simulate(PlanFixture plan, LocalDate from, LocalDate to) {
        List<Sent> sent = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            List<PlannedMessage> messages = planner.plan(day, plan.activities(), plan.directory());
            assertThat(messages).extracting(m -> m.recipient().email()).doesNotHaveDuplicates();
            for (PlannedMessage message : messages) {
                for (ReminderItem item : message.items()) {
                    sent.add(new Sent(day, message.recipient().email(), item.purpose(), item.step(), item.tertial(),
                            item.activityRef(), item.note()));
                }
            }
        }
        return sent;
    }

    private static Set<LocalDate> days(List<Sent> sent, ReminderPurpose purpose, String tertial) {
        return sent.stream().filter(s -> s.purpose() == purpose && tertial.equals(s.tertial()))
                .map(Sent::day).collect(Collectors.toCollection(TreeSet::new));
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void every_tertial_reminder_and_escalation_of_2024_falls_on_its_swedish_working_day() {
        PlanFixture plan = new PlanFixture();
        List<Sent> sent = simulate(plan, d("2024-01-01"), d("2025-01-31"));

        // T1 closes Tuesday 30 April: a month before is Saturday 30 March, Good Friday is the 29th → Thursday 28th.
        assertThat(d("2024-04-30").getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(days(sent, ReminderPurpose.TERTIAL_REPORT, "2024-T1"))
                .containsExactly(d("2024-03-28"), d("2024-04-23"), d("2024-04-30"));
        // 1 May is a holiday: three working days after the close is Monday 6 May.
        assertThat(days(sent, ReminderPurpose.ESCALATION, "2024-T1")).containsExactly(d("2024-05-06"));
        // T2: 31 July is in the quiet July, so the first reminder comes on the last working day of June.
        assertThat(days(sent, ReminderPurpose.TERTIAL_REPORT, "2024-T2"))
                .containsExactly(d("2024-06-28"), d("2024-08-23"), d("2024-08-30"));
        assertThat(days(sent, ReminderPurpose.ESCALATION, "2024-T2")).containsExactly(d("2024-09-04"));
        // T3: julafton and nyårsafton are not working days.
        assertThat(days(sent, ReminderPurpose.TERTIAL_REPORT, "2024-T3"))
                .containsExactly(d("2024-11-29"), d("2024-12-23"), d("2024-12-30"));
        assertThat(days(sent, ReminderPurpose.ESCALATION, "2024-T3")).containsExactly(d("2025-01-07"));

        Set<LocalDate> anyMail = sent.stream().map(Sent::day).collect(Collectors.toSet());
        assertThat(anyMail).doesNotContain(d("2024-06-21"), d("2024-12-24"), d("2024-12-31"), d("2024-05-01"))
                .allSatisfy(day -> {
                    assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                    assertThat(day.getMonth()).isNotEqualTo(Month.JULY);
                });
    }

    @Test
    void owners_of_every_activity_active_in_the_tertial_are_reminded_and_managers_get_what_is_missing() {
        PlanFixture plan = new PlanFixture();
        List<Sent> sent = simulate(plan, d("2024-03-28"), d("2024-03-28"));
        Set<String> expectedOwners = plan.rows.stream()
                .filter(r -> !LocalDate.parse(r.get("start_date")).isAfter(d("2024-04-30")))
                .map(r -> r.get("owner_email")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expectedRefs = plan.rows.stream()
                .filter(r -> !LocalDate.parse(r.get("start_date")).isAfter(d("2024-04-30")))
                .map(r -> r.get("ref")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> owners = sent.stream().filter(s -> s.purpose() == ReminderPurpose.TERTIAL_REPORT)
                .map(Sent::recipient).collect(Collectors.toCollection(TreeSet::new));
        Set<String> refs = sent.stream().filter(s -> s.purpose() == ReminderPurpose.TERTIAL_REPORT)
                .map(Sent::ref).collect(Collectors.toCollection(TreeSet::new));
        assertThat(owners).isEqualTo(expectedOwners);
        assertThat(refs).isEqualTo(expectedRefs);

        List<Sent> escalation = simulate(plan, d("2024-05-06"), d("2024-05-06"));
        assertThat(escalation).filteredOn(s -> s.purpose() == ReminderPurpose.ESCALATION).extracting(Sent::recipient)
                .containsOnly("johan.nordin@ange.example", "maria.sjoberg@ange.example", "per.holm@ange.example",
                        "karin.forsberg@ange.example", "lars.wikstrom@ange.example");
        assertThat(escalation).filteredOn(s -> s.purpose() == ReminderPurpose.ESCALATION
                        && s.recipient().startsWith("johan")).extracting(Sent::ref)
                .contains("KS2024-002").doesNotContain("KS2024-001");
    }

    @Test
    void a_report_stops_every_later_reminder_for_it() {
        PlanFixture plan = new PlanFixture();
        plan.report("KS2024-002", "2024-T1", Status.PAGAENDE_ENLIGT_PLAN);
        List<Sent> sent = simulate(plan, d("2024-04-01"), d("2024-05-31"));
        assertThat(sent).filteredOn(s -> s.ref().equals("KS2024-002") && "2024-T1".equals(s.tertial())).isEmpty();
        assertThat(sent).filteredOn(s -> s.ref().equals("KS2024-004") && "2024-T1".equals(s.tertial())).isNotEmpty();
    }

    @Test
    void an_activity_reported_as_still_going_keeps_its_end_notes_only_a_completed_one_loses_them() {
        PlanFixture plan = new PlanFixture();
        plan.report("KS2024-001", "2024-T1", Status.PAGAENDE_ENLIGT_PLAN);
        assertThat(simulate(plan, d("2024-01-01"), d("2024-02-29")))
                .filteredOn(s -> s.ref().equals("KS2024-001") && s.purpose() != ReminderPurpose.TERTIAL_REPORT)
                .extracting(Sent::day, Sent::purpose)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(d("2024-01-24"), ReminderPurpose.ENDING_SOON),
                        org.assertj.core.groups.Tuple.tuple(d("2024-02-01"), ReminderPurpose.OVERDUE));
    }

    @Test
    void a_days_messages_come_in_recipient_e_mail_order() {
        List<PlannedMessage> messages = planner.plan(d("2024-03-28"), new PlanFixture().activities(),
                new PlanFixture().directory());
        List<String> recipients = messages.stream().map(m -> m.recipient().email()).toList();
        assertThat(recipients).hasSizeGreaterThan(2).isSorted();
    }

    @Test
    void activities_get_a_note_a_week_before_their_end_and_when_they_become_overdue() {
        PlanFixture plan = new PlanFixture();
        List<Sent> sent = simulate(plan, d("2024-01-01"), d("2024-02-29"));
        // KS2024-001 ends Wednesday 31 January 2024
        assertThat(sent).filteredOn(s -> s.ref().equals("KS2024-001") && s.purpose() != ReminderPurpose.TERTIAL_REPORT)
                .extracting(Sent::day, Sent::purpose, Sent::recipient)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(d("2024-01-24"), ReminderPurpose.ENDING_SOON, "frida.hakansson@ange.example"),
                        org.assertj.core.groups.Tuple.tuple(d("2024-02-01"), ReminderPurpose.OVERDUE, "frida.hakansson@ange.example"));
        plan.report("KS2024-001", "2024-T1", Status.AVSLUTAD_ENLIGT_PLAN);
        assertThat(simulate(plan, d("2024-01-01"), d("2024-02-29")))
                .filteredOn(s -> s.ref().equals("KS2024-001")).isEmpty();
    }

    @Test
    void an_absent_owner_is_covered_by_the_deputy_and_the_manager_is_told() {
        PlanFixture plan = new PlanFixture();
        Person emma = plan.person("emma");
        Person sara = plan.person("sara");
        plan.replace(emma.withDeputy(sara.id()));
        plan.absences.add(new PersonAbsence(1L, emma.id(), d("2024-04-20"), d("2024-05-10")));

        List<Sent> last = simulate(plan, d("2024-04-30"), d("2024-04-30"));
        assertThat(last).filteredOn(s -> s.ref().equals("KS2024-002")).singleElement()
                .satisfies(s -> {
                    assertThat(s.recipient()).isEqualTo("sara.lindqvist@ange.example");
                    assertThat(s.note()).contains("Emma Berglund");
                });
        assertThat(last).extracting(Sent::recipient).doesNotContain("emma.berglund@ange.example");
        List<Sent> escalation = simulate(plan, d("2024-05-06"), d("2024-05-06"));
        assertThat(escalation).filteredOn(s -> s.ref().equals("KS2024-002")).singleElement()
                .satisfies(s -> assertThat(s.note()).contains("Emma Berglund frånvarande, ersättare Sara Lindqvist"));
    }

    @Test
    void the_escalation_mentions_an_owner_whose_mailbox_answered_automatically() {
        PlanFixture plan = new PlanFixture();
        Person emma = plan.person("emma");
        Directory directory = new Directory(plan.people.values(), plan.roles, plan.absences, Set.of(emma.id()), Map.of());
        List<PlannedMessage> messages = planner.plan(d("2024-05-06"), plan.activities(), directory);
        assertThat(messages).flatExtracting(PlannedMessage::items)
                .filteredOn(i -> i.activityRef().equals("KS2024-002")).singleElement()
                .satisfies(i -> assertThat(i.note()).contains("Emma Berglund svarade med ett automatiskt frånvarobesked"));
    }

    @Test
    void a_snoozed_activity_is_left_out_of_the_persons_reminders_until_the_day() {
        PlanFixture plan = new PlanFixture();
        Person emma = plan.person("emma");
        Directory directory = new Directory(plan.people.values(), plan.roles, plan.absences, Set.of(),
                Map.of(emma.id() + "|KS2024-002", d("2024-04-30")));
        assertThat(planner.plan(d("2024-04-23"), plan.activities(), directory)).flatExtracting(PlannedMessage::items)
                .extracting(ReminderItem::activityRef).doesNotContain("KS2024-002").contains("KS2024-004");
        assertThat(planner.plan(d("2024-04-30"), plan.activities(), directory)).flatExtracting(PlannedMessage::items)
                .extracting(ReminderItem::activityRef).contains("KS2024-002");
    }

    @Test
    void inactive_people_get_nothing_and_managers_hear_of_activities_without_an_active_owner() {
        PlanFixture plan = new PlanFixture();
        Person nils = plan.person("nils");
        plan.replace(nils.withActive(false));
        List<Sent> sent = simulate(plan, d("2024-03-28"), d("2024-05-06"));
        assertThat(sent).extracting(Sent::recipient).doesNotContain("nils.strom@ange.example");
        assertThat(sent).filteredOn(s -> s.purpose() == ReminderPurpose.ESCALATION && s.ref().equals("KS2024-057"))
                .singleElement().satisfies(s -> assertThat(s.note()).isEqualTo("ingen aktiv ansvarig"));
    }

    @Test
    void one_message_per_person_lists_all_their_activities() {
        PlanFixture plan = new PlanFixture();
        List<PlannedMessage> messages = planner.plan(d("2024-03-28"), plan.activities(), plan.directory());
        PlannedMessage emma = messages.stream().filter(m -> m.recipient().email().startsWith("emma")).findFirst().orElseThrow();
        assertThat(emma.items()).hasSizeGreaterThan(3);
        assertThat(Tertial.parse(emma.items().get(0).tertial())).isEqualTo(Tertial.parse("2024-T1"));
    }
}
