package se.ange.tertial.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.GoalAssessor;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;

/** A small 2024 plan for the builders' tests: goals in several areas, the economy goal 4.1 its own KS goal. */
final class ReportGoals {

    static final Tertial T1 = new Tertial(2024, 1);
    static final Tertial T2 = new Tertial(2024, 2);
    static final long STAB = 1L;
    static final long SOCIAL = 2L;
    static final long HR = 7L;

    static final Map<Long, String> AREAS = Map.of(1L, "Vuxna", 2L, "Barn och Unga", 3L, "Tillväxt",
            4L, "God ekonomisk hushållning", 5L, "Äldre +65", 6L, "Kultur");

    static final List<Goal> GOALS = List.of(
            new Goal(10L, GoalLevel.KF, "3.1", "Attraktiv och jämställd arbetsgivare", 2024, null, null),
            new Goal(11L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser.", 2024, 10L, 1L),
            new Goal(12L, GoalLevel.KS, "3.1.2", "Friskvårdsbidraget ska nyttjas mer.", 2024, 10L, 1L),
            new Goal(20L, GoalLevel.KF, "3.2", "Attraktiva livsmiljöer", 2024, null, null),
            new Goal(21L, GoalLevel.KS, "3.2.1", "Fler aktiviteter för äldre.", 2024, 20L, 5L),
            new Goal(30L, GoalLevel.KF, "3.3", "Bra skola", 2024, null, null),
            new Goal(31L, GoalLevel.KS, "3.3.2", "Ungdomar ska känna ökad trygghet.", 2024, 30L, 2L),
            new Goal(40L, GoalLevel.KF, "3.4", "Tillväxt", 2024, null, null),
            new Goal(41L, GoalLevel.KS, "3.4.1", "Positivt flyttnetto.", 2024, 40L, 3L),
            new Goal(42L, GoalLevel.KS, "3.4.10", "Ett kulturmål.", 2024, 40L, 6L),
            new Goal(50L, GoalLevel.KF, "4.1", "Sjukfrånvaron ska minska", 2024, null, null),
            new Goal(51L, GoalLevel.KS, "4.1", "Sjukfrånvaron ska minska", 2024, 50L, 4L),
            new Goal(91L, GoalLevel.KS, "3.1.1", "Förra årets mål", 2023, null, 1L));

    static final Map<Long, GoalNames> NAMES = GoalNames.of(GOALS, AREAS.entrySet().stream()
            .map(e -> new se.ange.tertial.register.goal.GoalArea(e.getKey(), e.getValue())).toList());

    private ReportGoals() {
    }

    static ActivityState activity(String ref, long goal, long department, Status status, Tertial reportedFor) {
        return activity(ref, goal, department, null, LocalDate.of(2024, 1, 1), status, reportedFor, false);
    }

    static ActivityState activity(String ref, long goal, long department, Long unit, LocalDate start, Status status,
                                  Tertial reportedFor, boolean own) {
        return new ActivityState(ref.hashCode(), ref, "Aktivitet " + ref, goal,
                department == STAB ? "Staben" : "Socialavdelningen", unit == null ? null : "HR och Kommunikation",
                department, unit, start, LocalDate.of(2024, 12, 31), status,
                status == null ? null : "Kommentar " + ref, status == null ? null : reportedFor,
                "Beskrivning av " + ref, own);
    }

    static TertialState state(Tertial tertial, List<ActivityState> activities, Map<Long, LiveStates.Decision> decisions) {
        return state(tertial, activities, decisions, Map.of());
    }

    static TertialState state(Tertial tertial, List<ActivityState> activities, Map<Long, LiveStates.Decision> decisions,
                              Map<Long, List<MeasureState>> measures) {
        LiveStates live = new LiveStates(new GoalAssessor());
        // as the register gives it: every goal's names
        return new TertialState(tertial, null, activities, live.assessments(activities, tertial, decisions), NAMES,
                measures);
    }

    static TertialState frozen(TertialState state) {
        return new TertialState(state.tertial(), new TertialState.Frozen(Instant.parse("2024-05-15T04:00:00Z"),
                "Sara Lindqvist", false), state.activities(), state.assessments(), state.goals(), state.measures());
    }
}
