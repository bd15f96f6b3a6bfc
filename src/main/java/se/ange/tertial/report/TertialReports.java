package se.ange.tertial.report;

import jakarta.inject.Singleton;
import java.util.Map;
import se.ange.tertial.followup.Tertial;

/**
 * Builds a tertial's report documents: the tertial's state (with its goals' names: recorded at the close for
 * a closed tertial, else live) and the previous one's, the report's texts and, for a department, its goal
 * order.
 */
@Singleton
public class TertialReports {

    private final TertialRecords records;
    private final DepartmentReportBuilder departmentBuilder;
    private final BoardReportBuilder boardBuilder;
    private final ReportTexts texts;
    private final GoalOrders orders;

    TertialReports(TertialRecords records, DepartmentReportBuilder departmentBuilder,
                   BoardReportBuilder boardBuilder, ReportTexts texts, GoalOrders orders) {
        this.records = records;
        this.departmentBuilder = departmentBuilder;
        this.boardBuilder = boardBuilder;
        this.texts = texts;
        this.orders = orders;
    }

    /** The report of a kind: uppsikt for a department (or unit), måluppföljning for the municipality. */
    public ReportDocument document(ReportKind kind, Tertial tertial, ReportScope scope) {
        return kind == ReportKind.UPPSIKT ? uppsikt(tertial, scope) : maluppfoljning(tertial);
    }

    /** A department's (or unit's) uppsiktsrapport; {@code scope} names a department. */
    public DepartmentReport uppsikt(Tertial tertial, ReportScope scope) {
        if (scope.departmentId() == null) {
            throw new IllegalArgumentException("An uppsiktsrapport is a department's");
        }
        TertialState state = records.state(tertial);
        Map<Long, GoalNames> names = planGoals(state);
        return departmentBuilder.build(state, records.state(tertial.previous()), scope, names,
                orders.of(scope.departmentId(), tertial.year()),
                texts.effective(ReportKind.UPPSIKT, tertial, scope.departmentId(),
                        TextDefaults.Context.of(state, names.values())));
    }

    /** The board's måluppföljning of the whole municipality. */
    public BoardReport maluppfoljning(Tertial tertial) {
        TertialState state = records.state(tertial);
        Map<Long, GoalNames> names = planGoals(state);
        return boardBuilder.build(state, records.state(tertial.previous()), names,
                texts.effective(ReportKind.MALUPPFOLJNING, tertial, null,
                        TextDefaults.Context.of(state, names.values())));
    }

    /** The texts' context as the report's builder sees it (for the texts API). */
    TextDefaults.Context textContext(Tertial tertial) {
        TertialState state = records.state(tertial);
        return TextDefaults.Context.of(state, planGoals(state).values());
    }

    /** Every goal's names: the tertial's own (the record's once closed), the register's for the rest. */
    private Map<Long, GoalNames> planGoals(TertialState state) {
        Map<Long, GoalNames> names = new java.util.HashMap<>(records.liveGoalNames());
        names.putAll(state.goals());
        return names;
    }
}
