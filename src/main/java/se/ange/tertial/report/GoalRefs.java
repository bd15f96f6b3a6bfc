package se.ange.tertial.report;

import java.util.Comparator;

/**
 * Goal references as both reports use them: their document order and the anchors that keep goals of two
 * plan years apart (a reference repeats from one plan year to the next). Plain Java.
 */
final class GoalRefs {

    /** Goal references in document order: 3.2 before 3.10. */
    static final Comparator<String> ORDER = (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private GoalRefs() {
    }

    /** "ks-2024-3.1.1": unique in a report even when a reference repeats in the next plan year. */
    static String anchor(String level, int year, String ref) {
        return level + "-" + year + "-" + ref;
    }
}
