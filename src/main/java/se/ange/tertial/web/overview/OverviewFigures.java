package se.ange.tertial.web.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import se.ange.tertial.followup.ActivityFacts;
import se.ange.tertial.followup.Deviation;
import se.ange.tertial.followup.DeviationKind;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.followup.OnTimeReports;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;

/**
 * The overview's numbers, counted in one pass over the activities the viewer sees (no query per activity):
 * reports in per group (department or unit) for the asked tertial, deviations by kind, who has not reported,
 * the last three tertials, and the goals present. The rules are the follow-up's own ({@link DeviationRules},
 * {@link ActivityFacts}, {@link OnTimeReports}); this class only counts.
 */
final class OverviewFigures {

    /** Reports in for one group: {@code reported} of {@code due}. */
    record Share(String name, int reported, int due) {
        /** Whole percent, rounded; 0 when nothing is due. */
        int percent() {
            return due == 0 ? 0 : (int) Math.round(100.0 * reported / due);
        }
    }

    /** An owner with activities still to report (email null: activities without an owner). */
    record Missing(String name, String email, int count) {
    }

    /** One tertial of the last three: due, reported, reported on time, and statuses as of that tertial. */
    record TertialFigures(Tertial tertial, int due, int reported, int onTime, Map<Status, Integer> statuses,
                          int withoutStatus) {
        int onTimePercent() {
            return due == 0 ? 0 : (int) Math.round(100.0 * onTime / due);
        }
    }

    final Tertial asked;
    final List<Share> shares;
    final Map<DeviationKind, Integer> deviations;
    final List<Missing> missing;
    final int missingTotal;
    final List<TertialFigures> tertials;
    /** Ids of the goals of the activities active in the asked tertial. */
    final Set<Long> goals;

    private OverviewFigures(Tertial asked, List<Share> shares, Map<DeviationKind, Integer> deviations,
                            List<Missing> missing, int missingTotal, List<TertialFigures> tertials, Set<Long> goals) {
        this.asked = asked;
        this.shares = shares;
        this.deviations = deviations;
        this.missing = missing;
        this.missingTotal = missingTotal;
        this.tertials = tertials;
        this.goals = goals;
    }

    /**
     * Counts {@code views} (already scoped to what the viewer sees), grouping the shares by {@code group}
     * (department or unit name).
     */
    static OverviewFigures count(List<ActivityView> views, Function<ActivityView, String> group, Tertial asked,
                                 LocalDate today, DeviationRules rules, OnTimeReports onTime) {
        Map<String, int[]> byGroup = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<DeviationKind, Integer> deviations = new EnumMap<>(DeviationKind.class);
        for (DeviationKind kind : DeviationKind.values()) {
            deviations.put(kind, 0);
        }
        Map<String, Missing> missing = new HashMap<>();
        int missingTotal = 0;
        List<Tertial> three = List.of(asked.previous().previous(), asked.previous(), asked);
        int[][] tertialCounts = new int[3][4]; // due, reported, on time, without status
        List<Map<Status, Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            for (Status status : Status.values()) {
                counts.put(status, 0);
            }
            statuses.add(counts);
        }
        Set<Long> goals = new HashSet<>();
        Tertial todays = Tertial.containing(today);

        for (ActivityView view : views) {
            ActivityFacts all = view.facts();
            for (int i = 0; i < 3; i++) {
                Tertial tertial = three.get(i);
                ActivityFacts upTo = upTo(all, tertial);
                if (!upTo.isActiveIn(tertial)) {
                    continue;
                }
                int[] counts = tertialCounts[i];
                counts[0]++;
                if (upTo.hasReportFor(tertial)) {
                    counts[1]++;
                }
                if (onTime.reportedOnTime(upTo, tertial)) {
                    counts[2]++;
                }
                var status = upTo.currentStatus();
                if (status.isPresent()) {
                    statuses.get(i).merge(status.get(), 1, Integer::sum);
                } else {
                    counts[3]++;
                }
                if (i == 2) {
                    int[] share = byGroup.computeIfAbsent(group.apply(view), name -> new int[2]);
                    share[1]++;
                    if (upTo.hasReportFor(tertial)) {
                        share[0]++;
                    }
                    goals.add(view.activity().goalId());
                    // the same deviations as ActivityQueries.deviations: as of today, of what is active in the tertial
                    Set<DeviationKind> kinds = new HashSet<>();
                    for (Deviation deviation : rules.deviationsOn(upTo(all, todays), today)) {
                        kinds.add(deviation.kind());
                    }
                    kinds.forEach(kind -> deviations.merge(kind, 1, Integer::sum));
                }
            }
            // who has not reported: the same rule as ActivityQueries.missing
            if (all.mustReportFor(asked)) {
                missingTotal++;
                if (view.owners().isEmpty()) {
                    missing.merge("", new Missing(null, null, 1), OverviewFigures::add);
                }
                for (Person owner : view.owners()) {
                    missing.merge(owner.email().toLowerCase(java.util.Locale.ROOT),
                            new Missing(owner.name(), owner.email(), 1), OverviewFigures::add);
                }
            }
        }
        List<Share> shares = byGroup.entrySet().stream()
                .map(e -> new Share(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        List<Missing> owners = missing.values().stream()
                .sorted(Comparator.comparingInt(Missing::count).reversed()
                        .thenComparing(m -> m.name() == null ? "\uffff" : m.name()))
                .toList();
        List<TertialFigures> tertials = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // oldest first, the asked tertial last (read left to right)
            int[] c = tertialCounts[i];
            tertials.add(new TertialFigures(three.get(i), c[0], c[1], c[2], statuses.get(i), c[3]));
        }
        return new OverviewFigures(asked, shares, deviations, owners, missingTotal, tertials, goals);
    }

    /**
     * {@link ActivityView#factsUpTo} from facts read once: the same filter without parsing every report's
     * tertial again for each of the four tertials asked (that parsing was most of the page's time).
     */
    private static ActivityFacts upTo(ActivityFacts all, Tertial tertial) {
        return new ActivityFacts(all.ref(), all.startDate(), all.endDate(),
                all.reports().stream().filter(r -> !r.tertial().isAfter(tertial)).toList(), all.lastYear());
    }

    private static Missing add(Missing a, Missing b) {
        return new Missing(a.name(), a.email(), a.count() + b.count());
    }
}
