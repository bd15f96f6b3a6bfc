package se.ange.tertial.register.importer;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.register.activity.ActivityData;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityStore;
import se.ange.tertial.register.activity.NewActivities;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalCatalog;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.system.Limits;

/**
 * Imports an activity plan in the format of {@code activity-plan-2024.csv}: every row is checked first
 * and any error rejects the whole file; a valid file is applied in one transaction. Rows are matched on
 * {@code ref}, so importing the same file again changes nothing.
 */
@Singleton
public class ActivityPlanImport {

    static final List<String> COLUMNS = List.of("ref", "kf_goal_ref", "kf_goal", "ks_goal_ref", "ks_goal",
            "goal_area", "title", "description", "start_date", "end_date", "department", "unit", "owner_email");
    static final List<String> OPTIONAL_COLUMNS = List.of("source");
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern GOAL_REF = Pattern.compile("\\d+(\\.\\d+)*");
    private static final Pattern PLAN_YEAR_IN_REF = Pattern.compile("^[A-Za-z]+(\\d{4})-");

    /** One valid row. */
    record PlanRow(int line, ActivityData activity, String kfRef, String kfTitle, String ksTitle, String area) {
    }

    private final GoalCatalog goals;
    private final ActivityStore store;
    private final PersonRepository people;
    private final PeopleImport peopleImport;
    private final NewActivities activities;

    ActivityPlanImport(GoalCatalog goals, ActivityStore store, PersonRepository people, PeopleImport peopleImport,
                       NewActivities activities) {
        this.activities = activities;
        this.goals = goals;
        this.store = store;
        this.people = people;
        this.peopleImport = peopleImport;
    }

    /**
     * @param createPeople create a person (role owner) for an owner e-mail the register does not know;
     *                     otherwise such an e-mail is an error
     * @param year         the plan year of the goals; by default read from the ref (KS2024-017) or the start date
     */
    @Transactional
    public ImportResult run(String csv, boolean createPeople, @Nullable Integer year, Actor actor) {
        return ImportLine.counted(runLines(csv, createPeople, year, actor));
    }

    /** As {@link #run}, telling what each line did (a preview rehearses this). */
    @Transactional
    public List<ImportLine> runLines(String csv, boolean createPeople, @Nullable Integer year, Actor actor) {
        CsvTable table = CsvTable.parse(csv, COLUMNS, OPTIONAL_COLUMNS);
        RowErrors errors = new RowErrors();
        List<PlanRow> rows = rows(table, createPeople, year, errors);
        // a plan never takes over a department's own activity (nor makes a plan activity its own by a source column)
        rows.forEach(row -> activities.originClash(row.activity().ref(), row.activity().source())
                .ifPresent(reason -> errors.add(row.line(), "ref", reason)));
        errors.throwIfAny();
        List<ImportLine> lines = new java.util.ArrayList<>();
        Map<String, Goal> kfGoals = new HashMap<>();
        for (PlanRow row : rows) {
            ActivityData data = row.activity();
            Goal kf = kfGoals.computeIfAbsent(data.goalYear() + "/" + row.kfRef(),
                    key -> goals.kfGoal(data.goalYear(), row.kfRef(), row.kfTitle()));
            goals.ksGoal(data.goalYear(), data.goalRef(), row.ksTitle(), kf, row.area());
            if (createPeople) {
                data.owners().forEach(email -> peopleImport.ensure(email, data.department(), data.unit(), Role.OWNER, actor));
            }
            lines.add(new ImportLine(row.line(), data.ref(), data.title(), store.save(data, actor)));
        }
        return lines;
    }

    /**
     * Every row checked, errors collected in {@code errors}: the rows (in file order, one per table row) when
     * there are none; a caller may add its own checks before {@link RowErrors#throwIfAny}.
     */
    List<PlanRow> rows(CsvTable table, boolean createPeople, @Nullable Integer year, RowErrors errors) {
        Set<String> refs = new HashSet<>();
        Map<String, String> ksTitles = new LinkedHashMap<>();
        List<PlanRow> rows = table.rows().stream().map(row -> {
            String ref = errors.required(row, "ref", Limits.ACTIVITY_REF);
            if (!ref.isEmpty() && !REF.matcher(ref).matches()) {
                errors.add(row, "ref", "'%s' är ingen giltig referens (t.ex. KS2024-017)".formatted(ref));
            } else if (!ref.isEmpty() && !refs.add(ref.toUpperCase(Locale.ROOT))) {
                errors.add(row, "ref", "Referensen " + ref + " finns redan på en tidigare rad");
            }
            String kfRef = goalRef(errors, row, "kf_goal_ref");
            String ksRef = goalRef(errors, row, "ks_goal_ref");
            // A KS goal lies under its KF goal; KF's goal for good financial management is adopted as is (4.1 = 4.1).
            if (!kfRef.isEmpty() && !ksRef.isEmpty() && !ksRef.equals(kfRef) && !ksRef.startsWith(kfRef + ".")) {
                errors.add(row, "ks_goal_ref", "KS-mål %s ligger inte under KF-mål %s".formatted(ksRef, kfRef));
            }
            String kfTitle = errors.required(row, "kf_goal", Limits.GOAL_TITLE);
            String ksTitle = errors.required(row, "ks_goal", Limits.GOAL_TITLE);
            String knownTitle = ksTitles.putIfAbsent(ksRef, ksTitle);
            if (knownTitle != null && !knownTitle.equals(ksTitle)) {
                errors.add(row, "ks_goal", "KS-mål %s har en annan rubrik på en tidigare rad".formatted(ksRef));
            }
            String title = errors.required(row, "title", Limits.TITLE);
            errors.optional(row, "description", Limits.DESCRIPTION);
            errors.optional(row, "goal_area", Limits.GOAL_AREA);
            errors.optional(row, "unit", Limits.UNIT);
            LocalDate start = errors.date(row, "start_date");
            LocalDate end = errors.date(row, "end_date");
            if (start != null && end != null && end.isBefore(start)) {
                errors.add(row, "end_date", "Slutdatum %s ligger före startdatum %s".formatted(end, start));
            }
            String department = errors.required(row, "department", Limits.DEPARTMENT);
            List<String> owners = RowErrors.list(row.get("owner_email"));
            if (owners.isEmpty()) {
                errors.add(row, "owner_email", "owner_email får inte vara tom");
            }
            owners.forEach(email -> errors.email(row, "owner_email", email));
            ActivitySource source = source(errors, row);
            if (!errors.isEmpty()) {
                return null;
            }
            int planYear = year != null ? year : planYear(ref, start);
            return new PlanRow(row.line(), new ActivityData(ref, title, row.get("description"), start, end, planYear,
                    ksRef, source, department, row.get("unit"), owners), kfRef, kfTitle, ksTitle, row.get("goal_area"));
        }).toList();
        if (errors.isEmpty() && !createPeople) {
            checkOwnersKnown(table, rows, errors);
        }
        errors.throwIfAny();
        return rows;
    }

    private void checkOwnersKnown(CsvTable table, List<PlanRow> rows, RowErrors errors) {
        Set<String> all = rows.stream().flatMap(r -> r.activity().owners().stream()).collect(Collectors.toSet());
        Set<String> known = people.findByEmailIn(all).stream().map(p -> p.email()).collect(Collectors.toSet());
        for (int i = 0; i < rows.size(); i++) {
            for (String email : rows.get(i).activity().owners()) {
                if (!known.contains(email)) {
                    errors.add(table.rows().get(i), "owner_email", "Ingen person med e-post %s finns i registret; "
                            .formatted(email) + "importera personerna först eller ange createPeople=true");
                }
            }
        }
    }

    private static String goalRef(RowErrors errors, CsvTable.Row row, String column) {
        String value = errors.required(row, column, Limits.GOAL_REF);
        if (!value.isEmpty() && !GOAL_REF.matcher(value).matches()) {
            errors.add(row, column, "'%s' är ingen målreferens (t.ex. 3.4.3)".formatted(value));
        }
        return value;
    }

    private static ActivitySource source(RowErrors errors, CsvTable.Row row) {
        String value = row.get("source").toUpperCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("KS")) {
            return ActivitySource.KS;
        }
        if (value.equals("UNIT") || value.equals("ENHET") || value.equals("EGEN")) {
            return ActivitySource.UNIT;
        }
        errors.add(row, "source", "source är KS eller UNIT (enhetens egen), inte " + value);
        return ActivitySource.KS;
    }

    private static int planYear(String ref, LocalDate start) {
        Matcher matcher = PLAN_YEAR_IN_REF.matcher(ref);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : start.getYear();
    }
}
