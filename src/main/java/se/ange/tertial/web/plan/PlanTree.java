package se.ange.tertial.web.plan;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.MeasureDirection;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalArea;
import se.ange.tertial.register.goal.GoalAreaRepository;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.register.goal.Measure;
import se.ange.tertial.register.goal.MeasureRepository;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.web.WebTexts;

/**
 * One year's plan as the page shows it: KF goals, their KS goals with measures, and under each KS goal the
 * activities the viewer may read (the API's {@link Permissions#canRead}), each saying whether the viewer may edit it.
 */
@Singleton
class PlanTree {

    record Kf(String ref, String title, List<Ks> goals) {
    }

    record Ks(String ref, String title, @Nullable String area, List<MeasureRow> measures, List<Row> activities,
              String headingId) {
    }

    record MeasureRow(String name, String baseline, String target, String direction) {
    }

    record Row(String ref, String title, boolean own, String place, String owners, String period, String status,
               boolean ended, @Nullable String editHref) {
    }

    record YearLink(int year, String href, boolean current) {
    }

    private final GoalRepository goals;
    private final GoalAreaRepository areas;
    private final MeasureRepository measures;
    private final ActivityCatalog catalog;

    PlanTree(GoalRepository goals, GoalAreaRepository areas, MeasureRepository measures, ActivityCatalog catalog) {
        this.goals = goals;
        this.areas = areas;
        this.measures = measures;
        this.catalog = catalog;
    }

    /** The years that have a plan (goals), oldest first. */
    List<Integer> years() {
        return goals.findAllOrderByYearAndRef().stream().map(Goal::year).collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    List<YearLink> yearLinks(int current) {
        TreeSet<Integer> all = new TreeSet<>(years());
        all.add(current);
        return all.stream().map(y -> new YearLink(y, "/plan/" + y, y == current)).toList();
    }

    /** The KS goals of a year, by ref: what an activity may be toward. */
    List<Goal> ksGoals(int year) {
        return goals.findByYearOrderByRef(year).stream().filter(g -> g.level() == GoalLevel.KS)
                .sorted(Comparator.comparing(Goal::ref, PlanTree::compareRefs)).toList();
    }

    List<Kf> of(int year, Caller caller, WebTexts t) {
        Language language = t.language();
        List<Goal> ofYear = goals.findByYearOrderByRef(year);
        Map<Long, String> areaNames = StreamSupport.stream(areas.findAll().spliterator(), false)
                .collect(Collectors.toMap(GoalArea::id, GoalArea::name));
        List<Long> ksIds = ofYear.stream().filter(g -> g.level() == GoalLevel.KS).map(Goal::id).toList();
        Map<Long, List<Measure>> measuresByGoal = ksIds.isEmpty() ? Map.of()
                : measures.findByGoalIdIn(ksIds).stream().collect(Collectors.groupingBy(Measure::goalId));
        Map<Long, List<ActivityView>> activitiesByGoal = catalog.all().stream()
                .filter(view -> view.goal().year() == year && Permissions.canRead(caller, view))
                .collect(Collectors.groupingBy(view -> view.goal().id()));
        NumberFormat numbers = NumberFormat.getNumberInstance(t.locale());
        List<Kf> tree = new ArrayList<>();
        ofYear.stream().filter(g -> g.level() == GoalLevel.KF).sorted(Comparator.comparing(Goal::ref, PlanTree::compareRefs))
                .forEach(kf -> tree.add(new Kf(kf.ref(), kf.title(), ofYear.stream()
                        .filter(g -> g.level() == GoalLevel.KS && Objects.equals(g.parentId(), kf.id()))
                        .sorted(Comparator.comparing(Goal::ref, PlanTree::compareRefs))
                        .map(ks -> new Ks(ks.ref(), ks.title(), ks.goalAreaId() == null ? null : areaNames.get(ks.goalAreaId()),
                                measuresByGoal.getOrDefault(ks.id(), List.of()).stream()
                                        .sorted(Comparator.comparing(Measure::id))
                                        .map(m -> measure(m, numbers, t)).toList(),
                                activitiesByGoal.getOrDefault(ks.id(), List.of()).stream()
                                        .sorted(Comparator.comparing(ActivityView::ref))
                                        .map(view -> row(view, year, caller, language, t)).toList(),
                                "ks-" + ks.ref().replace('.', '-')))
                        .toList())));
        return tree;
    }

    private static MeasureRow measure(Measure m, NumberFormat numbers, WebTexts t) {
        String unit = m.unit() == null || m.unit().isBlank() ? "" : " " + m.unit();
        String baseline = m.baseline() == null ? t.get("plan.measure.none")
                : number(m.baseline(), numbers) + unit + (m.baselineAsOf() == null ? ""
                : " " + t.format("plan.measure.asOf", Dates.full(m.baselineAsOf(), t.language())));
        String target = m.target() == null ? t.get("plan.measure.none") : number(m.target(), numbers) + unit;
        return new MeasureRow(m.name(), baseline, target,
                t.get(m.direction() == MeasureDirection.DECREASE ? "plan.measure.decrease" : "plan.measure.increase"));
    }

    private static String number(BigDecimal value, NumberFormat numbers) {
        numbers.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return numbers.format(value);
    }

    private static Row row(ActivityView view, int year, Caller caller, Language language, WebTexts t) {
        var a = view.activity();
        String place = view.unit() == null ? view.department() : view.department() + " / " + view.unit();
        String owners = view.owners().stream().map(Person::name).collect(Collectors.joining(", "));
        String period = Dates.full(a.startDate(), language) + " – " + Dates.full(a.endDate(), language);
        String status = a.status() == null ? t.get("plan.status.none") : a.status().label(language);
        boolean editable = Permissions.canEditActivity(caller, view);
        return new Row(a.ref(), a.title(), a.source() == ActivitySource.UNIT, place, owners, period, status,
                a.status() != null && a.status().isCompleted(),
                editable ? "/plan/" + year + "/aktivitet/" + a.ref() : null);
    }

    /** Goal refs in their numeric order: 3.2 before 3.10. */
    static int compareRefs(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = compareParts(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int compareParts(String a, String b) {
        if (a.matches("\\d{1,9}") && b.matches("\\d{1,9}")) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }
}
