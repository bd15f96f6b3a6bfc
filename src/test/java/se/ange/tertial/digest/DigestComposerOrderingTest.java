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

/**
 * Within one goal: the same kind of deviation sorts by how long it has stood, then by ref; a line is new
 * when any of its kinds is; the comment shown is the newest one written.
 */
class DigestComposerOrderingTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final LocalDate ON = LocalDate.parse("2024-06-10");
    private final DigestComposer composer = new DigestComposer(se.ange.tertial.followup.Rules.deviations(), 30);
    private final Goal health = new Goal(1L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser", 2024, null, null);
    private final Person emma = new Person(1L, "Emma Berglund", "emma@ange.example", 1L, null, null, null, Language.SV,
            true, null, ReminderChannel.EMAIL);

    private ActivityView activity(String ref, String end, StatusReport... reports) {
        Activity activity = new Activity(null, ref, "Titel " + ref, null, LocalDate.parse("2024-01-01"),
                LocalDate.parse(end), health.id(), ActivitySource.KS, 1L, null, null, Instant.EPOCH, Instant.EPOCH);
        return new ActivityView(activity, health, null, "Staben", null, List.of(emma), List.of(reports));
    }

    private static StatusReport report(Status status, String comment, String day) {
        return new StatusReport(null, 1L, "2024-T1", status, comment, 1L, "emma@ange.example", Channel.API,
                LocalDate.parse(day).atStartOfDay(ZONE).toInstant(), null);
    }

    private static StatusReport onPlan() {
        return report(Status.PAGAENDE_ENLIGT_PLAN, "enligt plan", "2024-04-20");
    }

    private List<Digest.Line> lines(Digest digest) {
        return digest.goals().stream().flatMap(goal -> goal.lines().stream()).toList();
    }

    @Test
    void of_two_overdue_activities_the_one_that_ended_first_comes_first_whatever_its_ref() {
        Digest digest = composer.compose(ON, List.of(
                activity("KS2024-001", "2024-05-31", onPlan()),
                activity("KS2024-009", "2024-02-29", onPlan())), Set.of());

        assertThat(lines(digest)).extracting(Digest.Line::ref, Digest.Line::since).containsExactly(
                org.assertj.core.groups.Tuple.tuple("KS2024-009", LocalDate.parse("2024-02-29")),
                org.assertj.core.groups.Tuple.tuple("KS2024-001", LocalDate.parse("2024-05-31")));
    }

    @Test
    void the_same_kind_since_the_same_day_is_in_ref_order() {
        Digest digest = composer.compose(ON, List.of(
                activity("KS2024-007", "2024-03-31", onPlan()),
                activity("KS2024-003", "2024-03-31", onPlan())), Set.of());

        assertThat(lines(digest)).extracting(Digest.Line::ref).containsExactly("KS2024-003", "KS2024-007");
    }

    @Test
    void a_more_urgent_kind_comes_before_a_longer_standing_less_urgent_one() {
        Digest digest = composer.compose(ON, List.of(
                activity("KS2024-001", "2024-12-31", report(Status.PAGAENDE_MED_AVVIKELSE, "sjuk", "2024-02-01")),
                activity("KS2024-002", "2024-06-01", onPlan())), Set.of());

        assertThat(lines(digest)).extracting(Digest.Line::ref).containsExactly("KS2024-002", "KS2024-001");
        assertThat(lines(digest).get(1).since()).isEqualTo("2024-02-01");
    }

    @Test
    void a_line_is_new_when_any_of_its_kinds_was_not_in_the_last_digest() {
        ActivityView both = activity("KS2024-001", "2024-05-31",
                report(Status.PAGAENDE_MED_AVVIKELSE, "leverantören sen", "2024-06-03"));

        Digest overdueKnown = composer.compose(ON, List.of(both), Set.of("KS2024-001:OVERDUE"));
        Digest bothKnown = composer.compose(ON, List.of(both), Set.of("KS2024-001:OVERDUE", "KS2024-001:WITH_DEVIATION"));

        assertThat(lines(overdueKnown)).singleElement().satisfies(line -> {
            assertThat(line.kinds()).containsExactly(DeviationKind.OVERDUE, DeviationKind.WITH_DEVIATION);
            assertThat(line.isNew()).isTrue();
            assertThat(line.since()).isEqualTo("2024-05-31"); // the most urgent kind's
        });
        assertThat(overdueKnown.newCount()).isEqualTo(1);
        assertThat(lines(bothKnown)).singleElement().satisfies(line -> assertThat(line.isNew()).isFalse());
        assertThat(bothKnown.newCount()).isZero();
        assertThat(bothKnown.resolved()).isEmpty();
    }

    @Test
    void the_comment_shown_is_the_newest_written_one_not_a_later_blank() {
        Digest digest = composer.compose(ON, List.of(activity("KS2024-001", "2024-12-31",
                report(Status.PAGAENDE_MED_AVVIKELSE, "första", "2024-03-10"),
                report(Status.PAGAENDE_MED_AVVIKELSE, "andra", "2024-04-10"),
                report(Status.PAGAENDE_MED_AVVIKELSE, " ", "2024-04-20"))), Set.of());

        assertThat(lines(digest)).singleElement().satisfies(line -> {
            assertThat(line.lastComment()).isEqualTo("andra");
            assertThat(line.kinds()).containsExactly(DeviationKind.WITH_DEVIATION, DeviationKind.DEVIATION_WITHOUT_COMMENT);
        });
    }

    @Test
    void without_any_comment_the_line_shows_an_empty_one() {
        Digest digest = composer.compose(ON, List.of(activity("KS2024-001", "2024-05-31",
                report(Status.PAGAENDE_ENLIGT_PLAN, null, "2024-04-20"))), Set.of());

        assertThat(lines(digest)).singleElement().satisfies(line -> assertThat(line.lastComment()).isEmpty());
    }

    @Test
    void an_activity_without_deviations_is_counted_but_not_listed_and_an_empty_digest_says_so() {
        Digest digest = composer.compose(ON, List.of(activity("KS2024-001", "2024-12-31", onPlan())), Set.of());

        assertThat(digest.goals()).isEmpty();
        assertThat(digest.isEmpty()).isTrue();
        assertThat(digest.lineCount()).isZero();
        assertThat(digest.departments()).singleElement().satisfies(count -> {
            assertThat(count.activities()).isEqualTo(1);
            assertThat(count.withDeviation()).isZero();
        });
        Digest onlyResolved = composer.compose(ON, List.of(activity("KS2024-001", "2024-12-31", onPlan())),
                Set.of("KS2024-001:OVERDUE"));
        assertThat(onlyResolved.isEmpty()).isFalse();
    }

    @Test
    void goals_are_in_plan_order_by_number_a_goal_before_its_sub_goals() {
        List<String> refs = new java.util.ArrayList<>(List.of("3.10", "3.1.1", "3.2", "10.1", "3.1"));
        refs.sort(DigestComposer.PLAN_ORDER);
        assertThat(refs).containsExactly("3.1", "3.1.1", "3.2", "3.10", "10.1");
        // the same numbers written differently still have one order, whichever comes first
        assertThat(DigestComposer.PLAN_ORDER.compare("3.1", "3.01")).isPositive();
        assertThat(DigestComposer.PLAN_ORDER.compare("3.01", "3.1")).isNegative();
        assertThat(DigestComposer.PLAN_ORDER.compare("3.1", "3.01.1")).isNegative();
    }
}
