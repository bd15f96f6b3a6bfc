package se.ange.tertial.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.DeviationKind;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.register.activity.Activity;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.ReminderChannel;

class DigestComposerTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final LocalDate ON = LocalDate.parse("2024-06-10");
    private final DigestComposer composer = new DigestComposer(se.ange.tertial.followup.Rules.deviations(), 30);
    private final Goal health = new Goal(1L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser", 2024, null, null);
    private final Goal youth = new Goal(2L, GoalLevel.KS, "3.3.1", "Trygga ungdomar", 2024, null, null);
    private final Person emma = new Person(1L, "Emma Berglund", "emma@ange.example", 1L, null, null, null, Language.SV,
            true, null, ReminderChannel.EMAIL);

    private ActivityView activity(String ref, Goal goal, String department, String start, String end, StatusReport... reports) {
        Activity activity = new Activity(null, ref, "Titel " + ref, null, LocalDate.parse(start), LocalDate.parse(end),
                goal.id(), ActivitySource.KS, 1L, null, null, Instant.EPOCH, Instant.EPOCH);
        return new ActivityView(activity, goal, null, department, null, List.of(emma), List.of(reports));
    }

    private static StatusReport report(String tertial, Status status, String comment, String day) {
        return new StatusReport(null, 1L, tertial, status, comment, 1L, "emma@ange.example", Channel.API,
                LocalDate.parse(day).atStartOfDay(ZONE).toInstant(), null);
    }

    @Test
    void the_most_urgent_come_first_grouped_by_goal_with_owner_dates_and_last_comment() {
        ActivityView overdueLong = activity("KS2024-001", youth, "Staben", "2024-01-01", "2024-01-31",
                report("2024-T1", Status.PAGAENDE_MED_AVVIKELSE, "sen leverans", "2024-04-20"));
        ActivityView overdueShort = activity("KS2024-002", health, "Staben", "2024-01-01", "2024-05-31",
                report("2024-T1", Status.PAGAENDE_ENLIGT_PLAN, "på gång", "2024-04-20"));
        ActivityView missing = activity("KS2024-003", health, "Staben", "2024-01-01", "2024-12-31");
        ActivityView fine = activity("KS2024-004", health, "Staben", "2024-01-01", "2024-12-31",
                report("2024-T1", Status.PAGAENDE_ENLIGT_PLAN, null, "2024-04-20"));

        Digest digest = composer.compose(ON, List.of(missing, fine, overdueShort, overdueLong), Set.of());

        // goals in the plan's order, the most urgent first within each
        assertThat(digest.goals()).extracting(Digest.Goal::ref).containsExactly("3.1.1", "3.3.1");
        assertThat(digest.goals().get(0).lines()).extracting(Digest.Line::ref).containsExactly("KS2024-002", "KS2024-003");
        Digest.Line first = digest.goals().get(1).lines().get(0);
        assertThat(first.kinds()).containsExactly(DeviationKind.OVERDUE, DeviationKind.WITH_DEVIATION);
        assertThat(first.owners()).containsExactly("Emma Berglund");
        assertThat(first.lastComment()).isEqualTo("sen leverans");
        assertThat(first.endDate()).isEqualTo("2024-01-31");
        assertThat(digest.goals().get(0).lines().get(1).missingFor()).isEqualTo("2024-T1");
        assertThat(digest.lineCount()).isEqualTo(3);
    }

    @Test
    void new_and_resolved_are_measured_against_the_last_digest() {
        ActivityView overdue = activity("KS2024-001", youth, "Staben", "2024-01-01", "2024-01-31",
                report("2024-T1", Status.PAGAENDE_ENLIGT_PLAN, "x", "2024-04-20"));
        ActivityView deviating = activity("KS2024-002", health, "Staben", "2024-01-01", "2024-12-31",
                report("2024-T1", Status.PAGAENDE_MED_AVVIKELSE, "y", "2024-06-05"));
        Set<String> lastWeek = Set.of("KS2024-001:OVERDUE", "KS2024-003:MISSING_REPORT");

        Digest digest = composer.compose(ON, List.of(overdue, deviating,
                activity("KS2024-003", health, "Staben", "2024-01-01", "2024-12-31",
                        report("2024-T1", Status.PAGAENDE_ENLIGT_PLAN, null, "2024-06-07"))), lastWeek);

        assertThat(digest.goals()).flatExtracting(Digest.Goal::lines)
                .extracting(Digest.Line::ref, Digest.Line::isNew)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("KS2024-002", true),
                        org.assertj.core.groups.Tuple.tuple("KS2024-001", false));
        assertThat(digest.resolved()).singleElement().satisfies(resolved -> {
            assertThat(resolved.ref()).isEqualTo("KS2024-003");
            assertThat(resolved.title()).isEqualTo("Titel KS2024-003");
            assertThat(resolved.kind()).isEqualTo(DeviationKind.MISSING_REPORT);
        });
        assertThat(digest.keys()).containsExactlyInAnyOrder("KS2024-001:OVERDUE", "KS2024-002:WITH_DEVIATION");
        assertThat(digest.newCount()).isEqualTo(1);
    }

    @Test
    void on_hold_is_listed_only_once_it_has_lasted() {
        ActivityView recent = activity("KS2024-001", health, "Staben", "2024-01-01", "2024-12-31",
                report("2024-T1", Status.VANTELAGE, "väntar", "2024-05-20"));
        ActivityView longOne = activity("KS2024-002", health, "Staben", "2024-01-01", "2024-12-31",
                report("2024-T1", Status.VANTELAGE, "väntar", "2024-04-01"));

        Digest digest = composer.compose(ON, List.of(recent, longOne), Set.of());

        assertThat(digest.goals()).flatExtracting(Digest.Goal::lines).extracting(Digest.Line::ref)
                .containsExactly("KS2024-002");
    }

    @Test
    void counts_per_department_cover_every_activity_in_scope() {
        Digest digest = composer.compose(ON, List.of(
                activity("KS2024-001", health, "Staben", "2024-01-01", "2024-01-31"),
                activity("KS2024-002", health, "Staben", "2024-01-01", "2024-12-31",
                        report("2024-T1", Status.PAGAENDE_ENLIGT_PLAN, null, "2024-04-20")),
                activity("KS2024-003", youth, "Socialavdelningen", "2024-01-01", "2024-12-31")), Set.of());

        assertThat(digest.departments()).extracting(Digest.DepartmentCount::department, Digest.DepartmentCount::activities,
                        Digest.DepartmentCount::withDeviation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Socialavdelningen", 1, 1),
                        org.assertj.core.groups.Tuple.tuple("Staben", 2, 1));
        assertThat(digest.departments().get(1).byKind()).containsEntry(DeviationKind.OVERDUE, 1)
                .containsEntry(DeviationKind.MISSING_REPORT, 1);
    }

    @Test
    void goals_follow_the_plan_number_by_number_and_lines_within_a_goal_the_urgency() {
        Goal tenth = new Goal(3L, GoalLevel.KS, "3.10.1", "Tionde", 2024, null, null);
        Goal second = new Goal(4L, GoalLevel.KS, "3.2.1", "Andra", 2024, null, null);
        Digest digest = composer.compose(ON, List.of(
                activity("KS2024-010", tenth, "Staben", "2024-01-01", "2024-12-31"),
                activity("KS2024-011", second, "Staben", "2024-01-01", "2024-12-31"),
                activity("KS2024-012", second, "Staben", "2024-01-01", "2024-02-28"),
                activity("KS2024-013", youth, "Staben", "2024-01-01", "2024-01-31"),
                activity("KS2024-014", health, "Staben", "2024-01-01", "2024-12-31",
                        report("2024-T1", Status.VANTELAGE, "väntar", "2024-03-01"))), Set.of());

        assertThat(digest.goals()).extracting(Digest.Goal::ref).containsExactly("3.1.1", "3.2.1", "3.3.1", "3.10.1");
        // overdue (since February) before a missing report, though KS2024-011 comes first by reference
        assertThat(digest.goals().get(1).lines()).extracting(Digest.Line::ref).containsExactly("KS2024-012", "KS2024-011");
    }

    @Test
    void a_digest_for_an_earlier_day_sees_only_the_reports_received_by_then() {
        ActivityView reportedLater = activity("KS2024-002", health, "Staben", "2024-01-01", "2024-12-31",
                report("2024-T1", Status.PAGAENDE_ENLIGT_PLAN, "på gång", "2024-04-20"),
                report("2024-T1", Status.PAGAENDE_MED_AVVIKELSE, "föreläsaren sjuk", "2024-06-12"));
        ActivityView firstReportLater = activity("KS2024-003", health, "Staben", "2024-01-01", "2024-12-31",
                report("2024-T1", Status.PAGAENDE_ENLIGT_PLAN, "klart i juni", "2024-06-12"));

        Digest digest = composer.compose(ON, List.of(reportedLater, firstReportLater), Set.of());

        assertThat(digest.goals()).flatExtracting(Digest.Goal::lines).extracting(Digest.Line::ref, Digest.Line::kinds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("KS2024-003", List.of(DeviationKind.MISSING_REPORT)));
        assertThat(digest.keys()).containsExactly("KS2024-003:MISSING_REPORT");
        assertThat(composer.compose(LocalDate.parse("2024-06-12"), List.of(reportedLater), Set.of()).goals())
                .flatExtracting(Digest.Goal::lines).singleElement()
                .satisfies(line -> assertThat(line.lastComment()).isEqualTo("föreläsaren sjuk"));
    }
}
