package se.ange.tertial.register.importer;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.activity.ActivityData;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityStore;
import se.ange.tertial.register.activity.NewActivities;

/**
 * Imports departments' own activities toward the board's KS goals, in the plan's format
 * ({@code stab-own-activities-2024.csv}): every row becomes source UNIT. The goals must come from the plan
 * already (an own import creates or renames no goal), a manager's rows must be for their own department (and
 * not match another department's activity), and a ref of a plan activity is refused, so this import never
 * changes the board's plan. All or nothing, like
 * the plan import; matched on ref, so importing the same file again changes nothing.
 */
@Singleton
public class OwnActivityImport {

    private final ActivityPlanImport plan;
    private final NewActivities rules;
    private final ActivityStore store;

    OwnActivityImport(ActivityPlanImport plan, NewActivities rules, ActivityStore store) {
        this.plan = plan;
        this.rules = rules;
        this.store = store;
    }

    /** @param year the plan year of the goals; by default read from the ref (ST2024-101) or the start date */
    @Transactional
    public ImportResult run(String csv, @Nullable Integer year, Caller caller, Actor actor) {
        return ImportLine.counted(runLines(csv, year, caller, actor));
    }

    /** As {@link #run}, telling what each line did (a preview rehearses this). */
    @Transactional
    public List<ImportLine> runLines(String csv, @Nullable Integer year, Caller caller, Actor actor) {
        CsvTable table = CsvTable.parse(csv, ActivityPlanImport.COLUMNS, ActivityPlanImport.OPTIONAL_COLUMNS);
        RowErrors errors = new RowErrors();
        List<ActivityPlanImport.PlanRow> rows = plan.rows(table, false, year, errors);
        List<ActivityData> own = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CsvTable.Row line = table.rows().get(i);
            ActivityData data = asOwn(rows.get(i).activity());
            String source = line.get("source").toUpperCase(Locale.ROOT);
            if (source.equals("KS")) {
                errors.add(line, "source", "En egen aktivitet kommer från avdelningen (UNIT); "
                        + "kommunstyrelsens plan importeras via /api/import/activities");
            }
            rules.departmentRefusal(caller, data.department()).ifPresent(reason -> errors.add(line, "department", reason));
            rules.unitRefusal(caller, data.department(), data.unit()).ifPresent(reason -> errors.add(line, "unit", reason));
            rules.missingGoal(data.goalYear(), data.goalRef()).ifPresent(reason -> errors.add(line, "ks_goal_ref", reason));
            rules.originClash(data.ref(), ActivitySource.UNIT)
                    .or(() -> rules.othersActivity(caller, data.ref()))
                    .ifPresent(reason -> errors.add(line, "ref", reason));
            own.add(data);
            lineNumbers.add(line.line());
        }
        errors.throwIfAny();
        List<ImportLine> lines = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            ActivityData data = own.get(i);
            lines.add(new ImportLine(lineNumbers.get(i), data.ref(), data.title(), store.save(data, actor)));
        }
        return lines;
    }

    private static ActivityData asOwn(ActivityData row) {
        return new ActivityData(row.ref(), row.title(), row.description(), row.startDate(), row.endDate(),
                row.goalYear(), row.goalRef(), ActivitySource.UNIT, row.department(), row.unit(), row.owners());
    }
}
