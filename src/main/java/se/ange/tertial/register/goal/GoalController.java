package se.ange.tertial.register.goal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import se.ange.tertial.followup.MeasureDirection;
import se.ange.tertial.followup.Status;
import se.ange.tertial.register.activity.ActivityFinder;

/**
 * The goal hierarchy, KF goals with their KS goals, each KS goal with its measures and its activities
 * counted by current status ({@code EJ_RAPPORTERAD} for those not yet reported). Measures are created and
 * their outcomes reported under {@code /api/goals/{year}/{ref}/measures} (report.MeasureController: who may
 * is the assessment's rule).
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/goals")
@Secured(SecurityRule.IS_AUTHENTICATED)
class GoalController {

    static final String UNREPORTED = "EJ_RAPPORTERAD";

    /** A measure as the hierarchy lists it; its outcomes per tertial are under {@code …/measures}. */
    @Serdeable
    record MeasureJson(long id, String name, @Nullable String unit, @Nullable BigDecimal baseline,
                       @Nullable LocalDate baselineAsOf, @Nullable BigDecimal target, MeasureDirection direction) {
    }

    @Serdeable
    record KsGoalJson(String ref, String title, @Nullable String goalArea, int activities,
                      Map<String, Integer> byStatus, List<MeasureJson> measures) {
    }

    @Serdeable
    record KfGoalJson(String ref, String title, int year, List<KsGoalJson> goals) {
    }

    private final GoalRepository goals;
    private final GoalAreaRepository areas;
    private final MeasureRepository measures;
    private final ActivityFinder finder;

    GoalController(GoalRepository goals, GoalAreaRepository areas, MeasureRepository measures,
                   ActivityFinder finder) {
        this.goals = goals;
        this.areas = areas;
        this.measures = measures;
        this.finder = finder;
    }

    @Get
    List<KfGoalJson> hierarchy(@Nullable @QueryValue Integer year) {
        List<Goal> all = year == null ? goals.findAllOrderByYearAndRef() : goals.findByYearOrderByRef(year);
        Map<Long, String> areaNames = StreamSupport.stream(areas.findAll().spliterator(), false)
                .collect(Collectors.toMap(GoalArea::id, GoalArea::name));
        // counted per goal and status in the database, not by reading every activity
        Map<Long, Map<Status, Integer>> activitiesByGoal = finder.countsByGoalAndStatus(year);
        Map<Long, List<Measure>> measuresByGoal = measures.findByGoalIdIn(all.stream().map(Goal::id).toList())
                .stream().collect(Collectors.groupingBy(Measure::goalId));
        return all.stream().filter(g -> g.level() == GoalLevel.KF).map(kf -> new KfGoalJson(kf.ref(), kf.title(),
                kf.year(), all.stream()
                        .filter(ks -> ks.level() == GoalLevel.KS && kf.id().equals(ks.parentId()))
                        .map(ks -> ksGoal(ks, areaNames, activitiesByGoal.getOrDefault(ks.id(), Map.of()),
                                measuresByGoal.getOrDefault(ks.id(), List.of())))
                        .toList()))
                .toList();
    }

    private static KsGoalJson ksGoal(Goal ks, Map<Long, String> areaNames, Map<Status, Integer> activities,
                                     List<Measure> goalMeasures) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            byStatus.put(status.name(), 0);
        }
        byStatus.put(UNREPORTED, 0);
        activities.forEach((status, count) -> byStatus.merge(Optional.ofNullable(status)
                .map(Status::name).orElse(UNREPORTED), count, Integer::sum));
        return new KsGoalJson(ks.ref(), ks.title(), ks.goalAreaId() == null ? null : areaNames.get(ks.goalAreaId()),
                activities.values().stream().mapToInt(Integer::intValue).sum(), byStatus, goalMeasures.stream()
                .map(m -> new MeasureJson(m.id(), m.name(), m.unit(), m.baseline(), m.baselineAsOf(), m.target(),
                        m.direction())).toList());
    }
}
