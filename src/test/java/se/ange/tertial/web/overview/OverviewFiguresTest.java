package se.ange.tertial.web.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.DeviationKind;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.OnTimeReports;
import se.ange.tertial.followup.Rules;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.Activity;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.ReminderChannel;

/** The overview's counting, without a server: the rules' answers added up, and fast at 20,000 activities. */
class OverviewFiguresTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-04-10");
    private static final Tertial T1 = new Tertial(2024, 1);
    private static final Goal GOAL = new Goal(1L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser", 2024, null, null);
    private static final Person EMMA = person(1L, "Emma Berglund");
    private static final Person OSKAR = person(2L, "Oskar Eriksson");
    private final OnTimeReports onTime = new OnTimeReports(Rules.STOCKHOLM);

    private static Person person(long id, String name) {
        return new Person(id, name, name.toLowerCase().replace(' ', '.') + "@ange.example", 1L, null, null, null,
                Language.SV, true, null, ReminderChannel.EMAIL);
    }

    private static ActivityView activity(String ref, String department, String start, String end, Person owner,
                                         StatusReport... reports) {
        Activity activity = new Activity(null, ref, "Titel " + ref, null, LocalDate.parse(start), LocalDate.parse(end),
                GOAL.id(), ActivitySource.KS, 1L, null, null, Instant.EPOCH, Instant.EPOCH);
        return new ActivityView(activity, GOAL, null, department, null, List.of(owner), List.of(reports));
    }

    private static StatusReport report(String tertial, Status status, String comment, String at) {
        return new StatusReport(null, 1L, tertial, status, comment, 1L, "emma@ange.example", Channel.API,
                Instant.parse(at), null);
    }

    private OverviewFigures count(List<ActivityView> views) {
        return OverviewFigures.count(views, ActivityView::department, T1, TODAY, Rules.deviations(), onTime);
    }

    @Test
    void counts_shares_deviations_missing_owners_and_three_tertials() {
        OverviewFigures figures = count(List.of(
                activity("A1", "Staben", "2023-06-01", "2024-12-31", EMMA,
                        report("2023-T2", Status.PAGAENDE_ENLIGT_PLAN, null, "2023-09-10T08:00:00Z"), // late
                        report("2023-T3", Status.VANTELAGE, null, "2023-12-20T08:00:00Z"),
                        report("2024-T1", Status.PAGAENDE_MED_AVVIKELSE, "Sjuk", "2024-04-09T08:00:00Z")),
                activity("A2", "Staben", "2024-01-01", "2024-03-31", EMMA),            // overdue, missing
                activity("A3", "Socialavdelningen", "2024-02-01", "2024-12-31", OSKAR), // missing
                activity("A4", "Socialavdelningen", "2024-09-01", "2024-12-31", OSKAR))); // not due in T1

        assertThat(figures.shares).containsExactly(new OverviewFigures.Share("Socialavdelningen", 0, 1),
                new OverviewFigures.Share("Staben", 1, 2));
        assertThat(figures.shares.get(1).percent()).isEqualTo(50);
        assertThat(figures.deviations.get(DeviationKind.WITH_DEVIATION)).isEqualTo(1);
        assertThat(figures.deviations.get(DeviationKind.OVERDUE)).isEqualTo(1);
        assertThat(figures.deviations.get(DeviationKind.MISSING_REPORT)).isEqualTo(2);
        assertThat(figures.deviations.get(DeviationKind.ON_HOLD)).isZero(); // the latest report is no longer on hold
        assertThat(figures.missingTotal).isEqualTo(2);
        assertThat(figures.missing).containsExactly(new OverviewFigures.Missing("Emma Berglund", EMMA.email(), 1),
                new OverviewFigures.Missing("Oskar Eriksson", OSKAR.email(), 1));

        assertThat(figures.tertials).extracting(f -> f.tertial().toString())
                .containsExactly("2023-T2", "2023-T3", "2024-T1");
        OverviewFigures.TertialFigures t2 = figures.tertials.get(0);
        assertThat(t2.due()).isEqualTo(1);
        assertThat(t2.reported()).isEqualTo(1);
        assertThat(t2.onTime()).isZero();
        OverviewFigures.TertialFigures t3 = figures.tertials.get(1);
        assertThat(t3.onTime()).isEqualTo(1);
        assertThat(t3.statuses().get(Status.VANTELAGE)).isEqualTo(1);
        OverviewFigures.TertialFigures asked = figures.tertials.get(2);
        assertThat(asked.due()).isEqualTo(3);
        assertThat(asked.onTime()).isEqualTo(1);
        assertThat(asked.statuses().get(Status.PAGAENDE_MED_AVVIKELSE)).isEqualTo(1);
        assertThat(asked.withoutStatus()).isEqualTo(2);
        assertThat(figures.goals).containsExactly(GOAL.id());
    }

    @Test
    void twenty_thousand_activities_are_all_counted_by_department() {
        List<ActivityView> views = new ArrayList<>();
        String[] departments = {"Staben", "Ekonomiavdelningen", "Utbildningsavdelningen", "Samhällsbyggnadsavdelningen",
                "Socialavdelningen"};
        for (int i = 0; i < 20_000; i++) {
            StatusReport[] reports = i % 3 == 0 ? new StatusReport[] {
                    report("2023-T3", Status.PAGAENDE_ENLIGT_PLAN, null, "2023-12-20T08:00:00Z"),
                    report("2024-T1", Status.values()[i % 6], "Kommentar", "2024-04-02T08:00:00Z")}
                    : new StatusReport[0];
            views.add(activity("A" + i, departments[i % 5], "2023-10-01", i % 2 == 0 ? "2024-03-31" : "2024-12-31",
                    i % 2 == 0 ? EMMA : OSKAR, reports));
        }
        // the figures at the scale of a large municipality; how fast is the page benchmark's to say, not a timed test
        OverviewFigures figures = count(views);
        assertThat(figures.shares.stream().mapToInt(OverviewFigures.Share::due).sum()).isEqualTo(20_000);
        assertThat(figures.shares).hasSize(5);
    }
}
