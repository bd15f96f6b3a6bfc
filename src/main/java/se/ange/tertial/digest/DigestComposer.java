package se.ange.tertial.digest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import se.ange.tertial.followup.Deviation;
import se.ange.tertial.followup.DeviationKind;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.org.Person;

/**
 * Builds a digest from the activities in someone's area (plain Java, no framework). Goals come in the plan's
 * order (3.1.1 before 3.3.1 before 3.10.1); within a goal the most urgent first: the kind of deviation in
 * {@link DeviationKind}'s order (overdue first), then the longest-standing. "On hold" counts only once it has
 * lasted {@code longOnHoldDays}. A digest as of a day sees only the reports received by the end of that day,
 * so a preview for an earlier date shows the state as it was then.
 */
public final class DigestComposer {

    /** Goal references in the plan's order: number by number, "3.2" before "3.10". */
    public static final Comparator<String> PLAN_ORDER = DigestComposer::comparePlanRefs;

    private final DeviationRules rules;
    private final int longOnHoldDays;
    private final ZoneId zone;

    public DigestComposer(DeviationRules rules, int longOnHoldDays) {
        this(rules, longOnHoldDays, ZoneId.of("Europe/Stockholm"));
    }

    public DigestComposer(DeviationRules rules, int longOnHoldDays, ZoneId zone) {
        this.rules = rules;
        this.longOnHoldDays = longOnHoldDays;
        this.zone = zone;
    }

    public Digest compose(LocalDate on, List<ActivityView> all, Set<String> previousKeys) {
        List<ActivityView> inScope = all.stream().map(view -> asOf(view, on)).toList();
        Set<String> keys = new LinkedHashSet<>();
        Map<String, String> titles = new LinkedHashMap<>();
        List<Digest.Line> lines = new ArrayList<>();
        Map<String, ActivityView> byRef = new LinkedHashMap<>();
        Map<String, Map<DeviationKind, Integer>> byDepartment = new TreeMap<>();
        Map<String, int[]> departmentTotals = new TreeMap<>(); // [activities, with deviation]
        for (ActivityView view : inScope) {
            titles.put(view.ref(), view.activity().title());
            int[] totals = departmentTotals.computeIfAbsent(view.department(), d -> new int[2]);
            totals[0]++;
            List<Deviation> deviations = rules.deviationsOn(view.facts(), on).stream()
                    .filter(d -> d.kind() != DeviationKind.ON_HOLD || d.since() == null
                            || !d.since().isAfter(on.minusDays(longOnHoldDays)))
                    .sorted(Comparator.comparing(Deviation::kind))
                    .toList();
            if (deviations.isEmpty()) {
                continue;
            }
            totals[1]++;
            byRef.put(view.ref(), view);
            List<DeviationKind> kinds = deviations.stream().map(Deviation::kind).distinct().toList();
            kinds.forEach(kind -> {
                keys.add(key(view.ref(), kind));
                byDepartment.computeIfAbsent(view.department(), d -> new EnumMap<>(DeviationKind.class)).merge(kind, 1, Integer::sum);
            });
            boolean isNew = kinds.stream().anyMatch(kind -> !previousKeys.contains(key(view.ref(), kind)));
            LocalDate since = deviations.get(0).since() == null ? view.activity().endDate() : deviations.get(0).since();
            String lastComment = view.reports().stream().map(StatusReport::comment).filter(c -> c != null && !c.isBlank())
                    .reduce((a, b) -> b).orElse("");
            lines.add(new Digest.Line(view.ref(), view.activity().title(), view.department(),
                    view.owners().stream().map(Person::name).toList(), view.activity().startDate(),
                    view.activity().endDate(), kinds, since, lastComment, isNew,
                    deviations.stream().filter(d -> d.tertial() != null).map(d -> d.tertial().toString()).findFirst().orElse(null)));
        }
        Comparator<Digest.Line> urgency = Comparator.comparing((Digest.Line line) -> line.kinds().get(0))
                .thenComparing(Digest.Line::since).thenComparing(Digest.Line::ref);
        lines.sort(urgency);
        Map<String, List<Digest.Line>> byGoal = new TreeMap<>(PLAN_ORDER);
        for (Digest.Line line : lines) {
            byGoal.computeIfAbsent(byRef.get(line.ref()).goal().ref(), g -> new ArrayList<>()).add(line);
        }
        List<Digest.Goal> goals = byGoal.values().stream().map(goalLines -> {
            var goal = byRef.get(goalLines.get(0).ref()).goal();
            return new Digest.Goal(goal.ref(), goal.title(), goalLines);
        }).toList();
        List<Digest.Resolved> resolved = previousKeys.stream().filter(key -> !keys.contains(key)).sorted()
                .map(key -> {
                    String ref = key.substring(0, key.lastIndexOf(':'));
                    return new Digest.Resolved(ref, titles.getOrDefault(ref, ""),
                            DeviationKind.valueOf(key.substring(key.lastIndexOf(':') + 1)));
                }).toList();
        List<Digest.DepartmentCount> departments = departmentTotals.entrySet().stream()
                .map(e -> new Digest.DepartmentCount(e.getKey(), e.getValue()[0], e.getValue()[1],
                        byDepartment.getOrDefault(e.getKey(), Map.of())))
                .toList();
        return new Digest(on, goals, resolved, departments, keys);
    }

    /** The activity as it stood at the end of the day: later reports left out. */
    private ActivityView asOf(ActivityView view, LocalDate on) {
        List<StatusReport> known = view.reports().stream()
                .filter(report -> !report.receivedAt().atZone(zone).toLocalDate().isAfter(on)).toList();
        return known.size() == view.reports().size() ? view
                : new ActivityView(view.activity(), view.goal(), view.kfGoal(), view.department(), view.unit(),
                        view.owners(), known, view.continuedAfterYear());
    }

    private static int comparePlanRefs(String a, String b) {
        String[] left = a.split("\\D+");
        String[] right = b.split("\\D+");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = compareNumbers(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return left.length != right.length ? Integer.compare(left.length, right.length) : a.compareTo(b);
    }

    private static int compareNumbers(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.compareTo(b);
        }
        return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
    }

    static String key(String ref, DeviationKind kind) {
        return ref + ":" + kind.name();
    }
}
