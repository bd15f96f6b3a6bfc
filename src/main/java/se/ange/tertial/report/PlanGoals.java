package se.ange.tertial.report;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reading the plan's goals the way the reports group them: which are KS goals, which is the verksamhetsmål
 * för god ekonomisk hushållning, and the goal areas in the seeds' order. Plain Java.
 */
final class PlanGoals {

    static final String ECONOMY_AREA = "God ekonomisk hushållning";
    /** The goal areas as seed 001 lists them; any other area follows these, alphabetically. */
    static final List<String> AREA_ORDER = List.of("Barn och Unga", "Vuxna", "Äldre +65", "Tillväxt");

    private PlanGoals() {
    }

    /** A KS goal: one under a KF goal, or one with a goal area (a KF goal has neither). */
    static boolean isKs(GoalNames goal) {
        return goal.goalId() != goal.kfId() || goal.area() != null;
    }

    /**
     * The verksamhetsmål för god ekonomisk hushållning: its goal area says so, or it is a KF goal that is its
     * own KS goal (same reference and title, the fixture's 4.1 "Sjukfrånvaron ska minska").
     */
    static boolean isEconomy(GoalNames goal) {
        return goal.area() != null && key(goal.area()).equals(key(ECONOMY_AREA))
                || goal.area() == null && goal.ref().equals(goal.kfRef()) && sameTitle(goal.title(), goal.kfTitle());
    }

    /** The KS goals of a plan year, in plan order. */
    static List<GoalNames> ksGoalsOf(Collection<GoalNames> goals, int year) {
        return goals.stream().filter(g -> g.year() == year).filter(PlanGoals::isKs)
                .sorted(Comparator.comparing(GoalNames::ref, GoalRefs.ORDER)).toList();
    }

    static Comparator<String> areaOrder() {
        return Comparator.comparingInt((String area) -> {
            int at = AREA_ORDER.stream().map(PlanGoals::key).toList().indexOf(key(area));
            return at < 0 ? AREA_ORDER.size() : at;
        }).thenComparing(area -> key(area));
    }

    /** Equal titles, whatever the case, spacing or closing full stop ("Sjukfrånvaron ska minska."). */
    static boolean sameTitle(String a, String b) {
        return title(a).equals(title(b));
    }

    private static String title(String text) {
        return key(text).replaceAll("[.\\s]+$", "");
    }

    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
