package se.ange.tertial.register.plan;

import se.ange.tertial.system.Limits;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityData;
import se.ange.tertial.register.activity.ActivityStore;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.register.goal.Measure;
import se.ange.tertial.register.goal.MeasureRepository;
import se.ange.tertial.system.ProblemException;

/**
 * Opens a new year from the last: the year's KF and KS goals (same refs, titles and goal areas), their
 * measures without outcomes, and every activity of the year's goals that is not completed, as a new
 * activity of the next year with a new reference (KS2024-017 → the next free KS2025-nnn), the same
 * owners, department and unit, no status, and a note of where it came from.
 *
 * <p>Dates: the copy starts on the later of its start date and 1 January of the new year (so it does not
 * ask for reports for the old year's tertials). It keeps its end date when that is in the new year or
 * later; an end date in the old year cannot be kept (the copy would be overdue at once), and the register
 * needs one, so the copy ends 31 December of the new year, is marked {@code endDateToSet} and its
 * description says so, for stab to set the real date.
 *
 * <p>Idempotent: goals are matched by level, year and ref, measures by goal and name, activities by the
 * recorded link ({@code activity_copy}); what is already there is left as it is, even if stab has changed
 * it since. One audit row per new activity and one for the copy as a whole.
 */
@Singleton
public class PlanCopy {

    private static final java.util.regex.Pattern YEAR_REF = java.util.regex.Pattern.compile("([A-Za-z]+)(\\d{4})-(\\d+)");

    private final GoalRepository goals;
    private final MeasureRepository measures;
    private final ActivityCatalog catalog;
    private final ActivityStore store;
    private final ActivityCopyRepository copies;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcOperations jdbc;

    PlanCopy(GoalRepository goals, MeasureRepository measures, ActivityCatalog catalog, ActivityStore store,
             ActivityCopyRepository copies, AuditLog audit, Clock clock, JdbcOperations jdbc) {
        this.goals = goals;
        this.measures = measures;
        this.catalog = catalog;
        this.store = store;
        this.copies = copies;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Transactional
    public CopyResult copy(int from, int to, Actor actor) {
        if (to != from + 1) {
            throw ProblemException.invalidField("to", "En plan kopieras till året efter: to=%d, inte %d".formatted(from + 1, to));
        }
        // one copy of a year at a time: a second one waits here and then finds the first one's work
        jdbc.prepareStatement("SELECT id FROM goal WHERE plan_year = ? ORDER BY id FOR UPDATE", statement -> {
            statement.setInt(1, from);
            try (java.sql.ResultSet locked = statement.executeQuery()) {
                while (locked.next()) {
                    locked.getLong(1);
                }
            }
            return null;
        });
        List<Goal> sourceGoals = goals.findByYearOrderByRef(from);
        if (sourceGoals.isEmpty()) {
            throw ProblemException.notFound("Det finns ingen plan (inga mål) för " + from);
        }
        Map<Long, Goal> targetBySource = new HashMap<>();
        int[] goalCounts = copyGoals(sourceGoals, to, targetBySource);
        int[] measureCounts = copyMeasures(targetBySource);

        Set<Long> alreadyCopied = copies.findByToYear(to).stream().map(ActivityCopy::sourceActivityId)
                .collect(Collectors.toSet());
        List<ActivityView> ofYear = catalog.all().stream().filter(view -> view.goal().year() == from)
                .sorted(Comparator.comparing(ActivityView::ref)).toList();
        Set<String> refs = catalog.all().stream().map(v -> v.ref().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        List<CopyResult.Copied> copied = new ArrayList<>();
        int completed = 0;
        int already = 0;
        for (ActivityView view : ofYear) {
            if (alreadyCopied.contains(view.activity().id())) {
                already++;
            } else if (view.activity().status() != null && view.activity().status().isCompleted()) {
                completed++;
            } else {
                copied.add(copyActivity(view, to, refs, actor));
            }
        }
        CopyResult result = new CopyResult(from, to, new CopyResult.Counts(goalCounts[0], goalCounts[1]),
                new CopyResult.Counts(measureCounts[0], measureCounts[1]),
                new CopyResult.Counts(copied.size(), already), completed, copied);
        if (result.changedAnything()) {
            audit.record(actor, "plan.copied", "plan:" + to, null, null, result);
        }
        return result;
    }

    /** KF goals first, so every KS goal finds its parent; returns {copied, already there}. */
    private int[] copyGoals(List<Goal> sourceGoals, int to, Map<Long, Goal> targetBySource) {
        int[] counts = new int[2];
        List<Goal> kfFirst = sourceGoals.stream()
                .sorted(Comparator.comparing((Goal g) -> g.level() == GoalLevel.KF ? 0 : 1)).toList();
        for (Goal goal : kfFirst) {
            var existing = goals.findByLevelAndYearAndRef(goal.level(), to, goal.ref());
            if (existing.isPresent()) {
                counts[1]++;
                targetBySource.put(goal.id(), existing.get());
                continue;
            }
            Long parentId = goal.parentId() == null ? null
                    : targetBySource.containsKey(goal.parentId()) ? targetBySource.get(goal.parentId()).id() : null;
            targetBySource.put(goal.id(), goals.save(new Goal(null, goal.level(), goal.ref(), goal.title(), to,
                    parentId, goal.goalAreaId())));
            counts[0]++;
        }
        return counts;
    }

    /**
     * Measures by name with their target and direction, without baseline or outcomes: the new year's
     * starting point is known only once the old year's last outcome is in.
     */
    private int[] copyMeasures(Map<Long, Goal> targetBySource) {
        int[] counts = new int[2];
        Map<Long, List<Measure>> targetMeasures = measures.findByGoalIdIn(
                        targetBySource.values().stream().map(Goal::id).toList()).stream()
                .collect(Collectors.groupingBy(Measure::goalId));
        for (Measure measure : measures.findByGoalIdIn(targetBySource.keySet())) {
            Goal target = targetBySource.get(measure.goalId());
            boolean there = targetMeasures.getOrDefault(target.id(), List.of()).stream()
                    .anyMatch(m -> m.name().equalsIgnoreCase(measure.name()));
            if (there) {
                counts[1]++;
            } else {
                Measure saved = measures.save(new Measure(null, target.id(), measure.name(), measure.unit(), null, null,
                        measure.target(), measure.direction()));
                targetMeasures.computeIfAbsent(target.id(), id -> new ArrayList<>()).add(saved);
                counts[0]++;
            }
        }
        return counts;
    }

    private CopyResult.Copied copyActivity(ActivityView view, int to, Set<String> refs, Actor actor) {
        var activity = view.activity();
        LocalDate newYear = LocalDate.of(to, 1, 1);
        LocalDate start = activity.startDate().isBefore(newYear) ? newYear : activity.startDate();
        boolean endDateToSet = activity.endDate().isBefore(newYear);
        LocalDate end = endDateToSet ? LocalDate.of(to, 12, 31) : activity.endDate();
        String ref = newRef(activity.ref(), to, refs);
        String note = "Kopierad från " + activity.ref() + " (plan " + view.goal().year() + ")."
                + (endDateToSet ? " Slutdatum att fastställa (var " + activity.endDate() + ")." : "");
        ActivityData data = new ActivityData(ref, activity.title(), describe(activity.description(), note), start, end,
                to, view.goal().ref(), activity.source(), view.department(), view.unit(),
                view.owners().stream().map(p -> p.email()).toList());
        store.save(data, actor);
        Long copyId = catalog.byRef(ref).orElseThrow().activity().id();
        copies.save(new ActivityCopy(null, activity.id(), copyId, to, clock.instant()));
        return new CopyResult.Copied(activity.ref(), ref, start, end, endDateToSet);
    }

    private static String describe(String description, String note) {
        if (description == null || description.isBlank()) {
            return note;
        }
        int room = Limits.DESCRIPTION - note.length() - 2;
        String kept = description.length() <= room ? description : description.substring(0, room - 1) + "…";
        return kept + "\n\n" + note;
    }

    /**
     * KS2024-017 → the next free KS2025-nnn (numbered after the highest already in the new year, padded
     * like the original); another reference gets the new year added or put in place of the old one.
     */
    static String newRef(String ref, int to, Set<String> taken) {
        var matcher = YEAR_REF.matcher(ref);
        String candidate;
        if (matcher.matches()) {
            String prefix = matcher.group(1) + to + "-";
            int width = Math.max(3, matcher.group(3).length());
            int next = taken.stream().filter(r -> r.startsWith(prefix.toUpperCase(Locale.ROOT)))
                    .map(r -> r.substring(prefix.length()))
                    .filter(n -> n.matches("\\d+")).mapToInt(Integer::parseInt).max().orElse(0) + 1;
            candidate = prefix + String.format(Locale.ROOT, "%0" + width + "d", next);
        } else {
            String year = String.valueOf(to - 1);
            int at = ref.lastIndexOf(year);
            candidate = at >= 0 ? ref.substring(0, at) + to + ref.substring(at + 4) : ref + "-" + to;
        }
        String unique = candidate;
        for (int n = 2; taken.contains(unique.toUpperCase(Locale.ROOT)); n++) {
            unique = candidate + "-" + n;
        }
        taken.add(unique.toUpperCase(Locale.ROOT));
        return unique;
    }
}
