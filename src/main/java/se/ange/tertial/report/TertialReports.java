package se.ange.tertial.report;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalArea;
import se.ange.tertial.register.goal.GoalAreaRepository;
import se.ange.tertial.register.goal.GoalRepository;

/** Builds a tertial's report model: the tertial's state and the previous one's, the goals, the scope. */
@Singleton
public class TertialReports {

    private final TertialRecords records;
    private final GoalRepository goals;
    private final GoalAreaRepository areas;
    private final ReportBuilder builder;

    TertialReports(TertialRecords records, GoalRepository goals, GoalAreaRepository areas, ReportBuilder builder) {
        this.records = records;
        this.goals = goals;
        this.areas = areas;
        this.builder = builder;
    }

    public TertialReport report(Tertial tertial, ReportScope scope) {
        Map<Long, Goal> goalsById = StreamSupport.stream(goals.findAll().spliterator(), false)
                .collect(Collectors.toMap(Goal::id, Function.identity()));
        Map<Long, String> areaNames = StreamSupport.stream(areas.findAll().spliterator(), false)
                .collect(Collectors.toMap(GoalArea::id, GoalArea::name));
        return builder.build(records.state(tertial), records.state(tertial.previous()), goalsById, areaNames, scope);
    }
}
