package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.GoalAssessor;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.Activity;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;

/** The live tertial state from the register: which report counts for a tertial, and the rule's suggestion as of its close. */
class LiveStatesTest {

    static final Tertial T1 = new Tertial(2024, 1);
    static final Tertial T2 = new Tertial(2024, 2);
    static final long STAB = 1L;

    final LiveStates live = new LiveStates(new GoalAssessor());
    final Goal kf = new Goal(10L, GoalLevel.KF, "3.1", "Attraktiv arbetsgivare", 2024, null, null);
    final Goal ks1 = new Goal(11L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser", 2024, 10L, 5L);

    static ActivityState activity(long id, long goal, Status status, Tertial reportedFor, LocalDate end) {
        return new ActivityState(id, "KS2024-%03d".formatted(id), "Aktivitet " + id, goal, "Staben", null, STAB, null,
                LocalDate.of(2024, 1, 1), end, status, null, reportedFor);
    }

    static StatusReport report(long activityId, Tertial tertial, Status status, String comment, String receivedAt) {
        return new StatusReport(null, activityId, tertial.toString(), status, comment, null, "emma.berglund@ange.example",
                Channel.API, Instant.parse(receivedAt), null);
    }

    ActivityView view(long id, LocalDate start, LocalDate end, StatusReport... reports) {
        Activity activity = new Activity(id, "KS2024-%03d".formatted(id), "Aktivitet " + id, null, start, end, 11L,
                ActivitySource.KS, STAB, null, null, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-01T00:00:00Z"));
        return new ActivityView(activity, ks1, kf, "Staben", null, List.of(), List.of(reports));
    }

    @Test
    void live_states_take_the_latest_report_up_to_the_tertial_and_leave_out_activities_done_earlier() {
        List<ActivityView> register = List.of(
                // running all year: reported for T1, then for T2, then a late T1 correction
                view(1, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                        report(1, T1, Status.PAGAENDE_ENLIGT_PLAN, "T1-läget", "2024-04-20T08:00:00Z"),
                        report(1, T2, Status.PAGAENDE_MED_AVVIKELSE, "T2-läget", "2024-08-20T08:00:00Z"),
                        report(1, T1, Status.VANTELAGE, "T1-läget, rättat i efterhand", "2024-08-25T08:00:00Z")),
                // completed in T1
                view(2, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 30),
                        report(2, T1, Status.AVSLUTAD_ENLIGT_PLAN, "Klar", "2024-04-25T08:00:00Z")),
                // never reported: still has to report in both
                view(3, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 10, 31)));

        List<ActivityState> t1 = live.activities(register, T1);
        assertThat(t1).extracting(ActivityState::ref).containsExactly("KS2024-001", "KS2024-002", "KS2024-003");
        assertThat(t1.get(0)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(Status.VANTELAGE); // the T2 report does not leak into T1
            assertThat(a.comment()).isEqualTo("T1-läget, rättat i efterhand");
            assertThat(a.reportedFor()).isEqualTo(T1);
        });
        assertThat(t1.get(1).status()).isEqualTo(Status.AVSLUTAD_ENLIGT_PLAN);
        assertThat(t1.get(2).status()).isNull();

        List<ActivityState> t2 = live.activities(register, T2);
        assertThat(t2).extracting(ActivityState::ref).containsExactly("KS2024-001", "KS2024-003"); // 002 done in T1
        assertThat(t2.get(0)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(Status.PAGAENDE_MED_AVVIKELSE);
            assertThat(a.comment()).isEqualTo("T2-läget");
            assertThat(a.reportedFor()).isEqualTo(T2);
            assertThat(a.department()).isEqualTo("Staben");
            assertThat(a.goalId()).isEqualTo(11L);
        });

        // the suggestion is judged as of the tertial's close
        AssessmentState state = live.assess(11L, List.of(
                activity(1, 11, Status.PAGAENDE_ENLIGT_PLAN, T1, LocalDate.of(2024, 4, 30))), T1, null);
        assertThat(state.suggested()).isEqualTo(GoalAssessment.DELVIS_UPPFYLLD);
        AssessmentState late = live.assess(11L, List.of(
                activity(1, 11, Status.PAGAENDE_ENLIGT_PLAN, T1, LocalDate.of(2024, 4, 29))), T1, null);
        assertThat(late.suggested()).isEqualTo(GoalAssessment.EJ_UPPFYLLD);
    }
}
