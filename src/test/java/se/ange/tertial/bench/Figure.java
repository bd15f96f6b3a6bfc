package se.ange.tertial.bench;

/**
 * One measured figure beside its anchor (the floor for the same work, measured in the same run), as issue 17's
 * table prints it. {@code lowerIsBetter} is false for rates (mails/s), where the goal is a minimum ratio.
 *
 * @param area   what part of Tertial ("reminders", "delivery", "status report", …)
 * @param what   the case ("first reminder, 100k activities, H2")
 * @param value  Tertial's figure
 * @param anchor the anchor's figure, same unit; 0 when there is none
 * @param unit   "ms", "mails/s", "MiB", "statements"
 * @param goal   the goal as text ("≤ 2× anchor", "< 800 ms", "≥ 0.8× anchor")
 * @param met    whether the goal is met in this run
 */
public record Figure(String area, String what, double value, double anchor, String unit, String goal, boolean met) {

    /** A time or size where lower is better and the goal is at most {@code maxRatio} times the anchor. */
    public static Figure atMost(String area, String what, double value, double anchor, String unit, double maxRatio) {
        return new Figure(area, what, value, anchor, unit, "≤ " + maxRatio + "× anchor", value <= anchor * maxRatio);
    }

    /** A rate where higher is better and the goal is at least {@code minRatio} times the anchor. */
    public static Figure atLeast(String area, String what, double value, double anchor, String unit, double minRatio) {
        return new Figure(area, what, value, anchor, unit, "≥ " + minRatio + "× anchor", value >= anchor * minRatio);
    }

    /** An absolute limit without an anchor ("< 800 ms"). */
    public static Figure below(String area, String what, double value, String unit, double limit) {
        return new Figure(area, what, value, 0, unit, "< " + fmt(limit) + " " + unit, value < limit);
    }

    public String ratio() {
        return anchor == 0 ? "" : String.format(java.util.Locale.ROOT, "%.2f", value / anchor);
    }

    static String fmt(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? String.format("%,d", (long) number).replace(',', ' ')
                : String.format(java.util.Locale.ROOT, "%.2f", number);
    }
}
