package se.ange.tertial.web.assessing;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Comparator;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.register.goal.MeasureOutcome;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.report.ActivityState;
import se.ange.tertial.report.AssessmentState;
import se.ange.tertial.report.GoalAssessments;
import se.ange.tertial.report.GoalMeasures;
import se.ange.tertial.report.ReportWork;
import se.ange.tertial.report.TertialRecords;
import se.ange.tertial.web.WebTexts;

/**
 * What a goal's page shows: the KS goal under its KF goal, the suggestion and what it went by, the decision,
 * the tertial's activities and the measures with their outcomes, and which forms the viewer may use.
 */
@Singleton
class GoalPage {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    record Level(String value, String label, String symbol, boolean checked, boolean suggested) {
    }

    record Activity(String ref, String title, String place, String status, String symbol, String end,
                    String comment) {
    }

    record Measure(long id, String name, String baseline, String target, String direction, String outcome,
                   String typed, String comment, @Nullable String reported) {
    }

    private final GoalRepository goals;
    private final GoalMeasures measures;
    private final ReportWork work;
    private final PersonRepository people;
    private final TertialRecords records;

    GoalPage(GoalRepository goals, GoalMeasures measures, ReportWork work, PersonRepository people,
             TertialRecords records) {
        this.goals = goals;
        this.measures = measures;
        this.work = work;
        this.people = people;
        this.records = records;
    }

    /** The KS goals of the year the viewer may read in the tertial, in document order. */
    List<Goal> readable(Caller caller, Tertial tertial, int year) {
        Map<Long, List<ActivityState>> byGoal = records.state(tertial).activities().stream()
                .collect(Collectors.groupingBy(ActivityState::goalId));
        return goals.findByYearOrderByRef(year).stream().filter(g -> g.level() == GoalLevel.KS)
                .filter(g -> ReportWork.mayRead(caller, byGoal.getOrDefault(g.id(), List.of())))
                .sorted(Comparator.comparing(Goal::ref, ReportWork.GOAL_ORDER)).toList();
    }

    /** The model; {@code typed}: what a refused form had (field → text), shown again. */
    Map<String, Object> model(Caller caller, Goal goal, Tertial tertial, GoalAssessments.View view, WebTexts t,
                              Map<String, String> typed) {
        Language language = t.language();
        AssessmentState state = view.state();
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.format("assess.title", goal.ref(), tertialName(tertial, t)));
        model.put("goal", goal);
        model.put("tertial", tertial.toString());
        model.put("tertialName", tertialName(tertial, t));
        model.put("kfGoal", Optional.ofNullable(goal.parentId()).flatMap(goals::findById)
                .map(kf -> kf.ref() + " " + kf.title()).orElse(null));
        model.put("suggested", state.suggested() == null ? null
                : state.suggested().symbol() + " " + state.suggested().label(language));
        model.put("reasoning", state.reasoning());
        model.put("byMeasures", view.byMeasures());
        model.put("decided", state.chosen() == null ? null : state.chosen().symbol() + " " + state.chosen().label(language));
        model.put("decidedBy", view.decidedBy() == null ? null : t.format("assess.decidedBy", name(view.decidedBy()),
                date(view.decidedAt(), language)));
        model.put("analysis", state.analysis());
        boolean assessor = work.mayAssess(caller, goal);
        boolean begun = work.begun(tertial);
        boolean editable = assessor && begun && !view.frozen();
        model.put("editable", editable);
        model.put("readOnly", view.frozen() ? t.format("assess.closed", tertialName(tertial, t))
                : !begun ? t.format("assess.notBegun", tertialName(tertial, t), Dates.full(tertial.firstDay(), language))
                : !assessor ? t.get(caller.has(Role.MANAGER) ? "assess.notYours" : "assess.readOnly") : null);
        GoalAssessment checked = typed.containsKey("assessment")
                ? GoalAssessment.parse(typed.get("assessment")).orElse(null)
                : state.chosen() != null ? state.chosen() : state.suggested();
        List<Level> levels = new ArrayList<>();
        for (GoalAssessment level : GoalAssessment.values()) {
            levels.add(new Level(level.name(), level.label(language), level.symbol(), level == checked,
                    level == state.suggested()));
        }
        model.put("levels", levels);
        model.put("preselected", state.chosen() == null && state.suggested() != null && !typed.containsKey("assessment"));
        model.put("analysisText", typed.getOrDefault("analysis", state.analysis() == null ? "" : state.analysis()));
        model.put("activities", view.activities().stream().map(a -> activity(a, t)).toList());
        model.put("measures", measures(goal, tertial, t, typed));
        return model;
    }

    private Activity activity(ActivityState a, WebTexts t) {
        Language language = t.language();
        String place = a.unit() == null ? a.department() : a.department() + ", " + a.unit();
        return new Activity(a.ref(), a.title(), place,
                a.status() == null ? t.get("assess.activity.noReport") : a.status().label(language),
                a.status() == null ? "–" : a.status().symbol(), Dates.full(a.endDate(), language),
                a.comment() == null ? "" : a.comment());
    }

    private List<Measure> measures(Goal goal, Tertial tertial, WebTexts t, Map<String, String> typed) {
        Language language = t.language();
        List<Measure> result = new ArrayList<>();
        for (GoalMeasures.WithOutcomes m : measures.of(goal)) {
            se.ange.tertial.register.goal.Measure measure = m.measure();
            Optional<MeasureOutcome> outcome = m.outcomes().stream()
                    .filter(o -> o.tertial().equals(tertial.toString())).findFirst();
            String unit = measure.unit() == null ? "" : " " + measure.unit();
            String baseline = measure.baseline() == null ? "–" : number(measure.baseline(), language) + unit
                    + (measure.baselineAsOf() == null ? "" : " (" + Dates.full(measure.baselineAsOf(), language) + ")");
            String id = String.valueOf(measure.id());
            result.add(new Measure(measure.id(), measure.name(), baseline,
                    measure.target() == null ? "–" : number(measure.target(), language) + unit,
                    t.get("assess.measure.direction." + measure.direction().name()),
                    outcome.map(o -> number(o.outcome(), language) + unit).orElse(t.get("assess.measure.noOutcome")),
                    typed.getOrDefault("value-" + id, outcome.map(o -> number(o.outcome(), language)).orElse("")),
                    typed.getOrDefault("comment-" + id, outcome.map(MeasureOutcome::comment).orElse("")),
                    outcome.map(o -> t.format("assess.measure.reported", name(o.reportedBy()),
                            date(o.reportedAt(), language))).orElse(null)));
        }
        return result;
    }

    /** "12,49" in Swedish, "12.49" in English; no trailing zeros. */
    static String number(BigDecimal value, Language language) {
        String plain = value.stripTrailingZeros().toPlainString();
        return language == Language.EN ? plain : plain.replace('.', ',').replace('-', '−');
    }

    static String tertialName(Tertial tertial, WebTexts t) {
        return t.format("assess.tertial", String.valueOf(tertial.number()), String.valueOf(tertial.year()));
    }

    private String name(String actor) {
        return people.findByEmail(actor).map(se.ange.tertial.register.org.Person::name).orElse(actor);
    }

    private static String date(@Nullable Instant at, Language language) {
        return at == null ? "" : Dates.full(at.atZone(STOCKHOLM).toLocalDate(), language);
    }

}
