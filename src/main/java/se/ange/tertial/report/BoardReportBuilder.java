package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.report.ReportParts.ActivityRow;
import se.ange.tertial.report.ReportParts.Assessment;
import se.ange.tertial.report.ReportParts.Count;
import se.ange.tertial.report.ReportParts.LegendEntry;
import se.ange.tertial.report.ReportParts.Section;

/**
 * Builds the board's måluppföljning as seed 003: per KF goal ("2.1") its KS goals ("2.1.1"; one heading when a
 * KF goal has exactly one KS goal of the same title) with the decided assessment and analysis, the measures
 * and every activity of the tertial. A goal nobody decided is "Ej bedömd", the rule's suggestion shown only as
 * a suggestion: the summary counts decisions, never suggestions. Plain Java.
 */
public final class BoardReportBuilder {

    static final String NOT_ASSESSED = "Ej bedömd";
    static final String GOALS_CHAPTER = "Redovisning av målarbete";

    private final Clock clock;

    public BoardReportBuilder(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param planGoals names of goals the tertial's state lacks (the state's own names win)
     * @param texts     the måluppföljning sections' effective texts (see {@link ReportTexts})
     */
    public BoardReport build(TertialState current, @Nullable TertialState previous, Map<Long, GoalNames> planGoals,
                             Map<TextSection, String> texts) {
        Map<Long, GoalNames> names = new HashMap<>(planGoals);
        names.putAll(current.goals());
        ActivityRows rows = new ActivityRows(current.tertial(), previous);
        Map<Long, List<ActivityState>> byGoal = current.activities().stream()
                .collect(Collectors.groupingBy(ActivityState::goalId));
        Set<Long> goalIds = new LinkedHashSet<>(byGoal.keySet());
        goalIds.addAll(current.assessments().keySet());
        current.measures().forEach((goalId, measures) -> {
            if (!measures.isEmpty()) {
                goalIds.add(goalId);
            }
        });
        Map<Long, List<GoalNames>> ksByKf = goalIds.stream().map(names::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(GoalNames::ref, GoalRefs.ORDER).thenComparing(GoalNames::year))
                .collect(Collectors.groupingBy(GoalNames::kfId, LinkedHashMap::new, Collectors.toList()));
        List<List<GoalNames>> kfOrder = ksByKf.values().stream()
                .sorted(Comparator.comparing((List<GoalNames> ks) -> ks.get(0).kfRef(), GoalRefs.ORDER)
                        .thenComparing(ks -> ks.get(0).year()))
                .toList();

        List<BoardReport.KfGoal> kfGoals = new ArrayList<>();
        List<ActivityRow> allRows = new ArrayList<>();
        List<Assessment> allAssessments = new ArrayList<>();
        for (List<GoalNames> ks : kfOrder) {
            GoalNames first = ks.get(0);
            String kfNumber = "2." + (kfGoals.size() + 1);
            boolean single = ks.size() == 1 && PlanGoals.sameTitle(first.title(), first.kfTitle());
            List<BoardReport.KsGoal> ksGoals = new ArrayList<>();
            for (GoalNames goal : ks) {
                List<ActivityRow> goalRows = rows.rows(byGoal.getOrDefault(goal.goalId(), List.of()));
                Assessment assessment = assessment(current.assessments().get(goal.goalId()));
                ksGoals.add(new BoardReport.KsGoal(kfNumber + "." + (ksGoals.size() + 1),
                        GoalRefs.anchor("ks", goal.year(), goal.ref()), goal.ref(), goal.title(), goal.area(),
                        assessment, current.measuresOf(goal.goalId()).stream()
                                .map(m -> MeasureRows.row(m, clock.getZone())).toList(), goalRows));
                allRows.addAll(goalRows);
                allAssessments.add(assessment);
            }
            kfGoals.add(new BoardReport.KfGoal(kfNumber, GoalRefs.anchor("kf", first.year(), first.kfRef()),
                    first.kfRef(), first.kfTitle(), single, List.copyOf(ksGoals)));
        }
        Section intro = new Section("1", TextSection.MALUPPFOLJNING_INTRO.heading(), "inledning", 1,
                Paragraphs.of(texts.getOrDefault(TextSection.MALUPPFOLJNING_INTRO, "")));
        Section goalsChapter = new Section("2", GOALS_CHAPTER, "redovisning-av-malarbete", 1, List.of());
        Section analysis = new Section("3", TextSection.MALUPPFOLJNING_ANALYSIS.heading(), "sammanfattning-och-analys",
                1, Paragraphs.of(texts.getOrDefault(TextSection.MALUPPFOLJNING_ANALYSIS, "")));
        return new BoardReport(current.tertial(), title(current), ReportScope.MUNICIPALITY, LocalDate.now(clock),
                FrozenNote.of(current, clock.getZone()), intro, assessmentLegend(), statusLegend(), goalsChapter,
                List.copyOf(kfGoals), analysis, summary(allRows, allAssessments));
    }

    static String title(TertialState state) {
        return "Uppföljning av kommunstyrelsens mål, tertial %d %d".formatted(state.tertial().number(),
                state.tertial().year());
    }

    /** The decision, else "Ej bedömd" with the rule's suggestion in words (never as the decision). */
    static Assessment assessment(@Nullable AssessmentState state) {
        if (state == null) {
            return new Assessment(null, NOT_ASSESSED, GoalAssessment.NOT_ASSESSED_SYMBOL, null, null,
                    "Inga aktiviteter att bedöma.");
        }
        GoalAssessment decided = state.chosen();
        if (decided != null) {
            // under a decision the rule's reasoning is background, not the decision's motivation
            String background = state.suggested() == null ? state.reasoning()
                    : "Styrmodellens förslag var " + state.suggested().label(Language.SV).toLowerCase(java.util.Locale.ROOT)
                            + ". " + state.reasoning();
            return new Assessment(decided, decided.label(Language.SV), decided.symbol(), state.analysis(), null,
                    background);
        }
        String suggestion = state.suggested() == null ? null : "Förslag: " + state.suggested().label(Language.SV);
        return new Assessment(null, NOT_ASSESSED, GoalAssessment.NOT_ASSESSED_SYMBOL, state.analysis(), suggestion,
                state.reasoning());
    }

    static List<LegendEntry> assessmentLegend() {
        List<LegendEntry> legend = new ArrayList<>();
        for (GoalAssessment assessment : GoalAssessment.values()) {
            legend.add(new LegendEntry(assessment.symbol(), assessment.label(Language.SV)));
        }
        legend.add(new LegendEntry(GoalAssessment.NOT_ASSESSED_SYMBOL, NOT_ASSESSED));
        return List.copyOf(legend);
    }

    static List<LegendEntry> statusLegend() {
        List<LegendEntry> legend = new ArrayList<>();
        for (Status status : Status.values()) {
            legend.add(new LegendEntry(status.symbol(), status.swedish()));
        }
        legend.add(new LegendEntry(ActivityRows.UNREPORTED_SYMBOL, ActivityRows.UNREPORTED));
        return List.copyOf(legend);
    }

    static BoardReport.Summary summary(List<ActivityRow> rows, List<Assessment> assessments) {
        Map<GoalAssessment, Integer> decided = new EnumMap<>(GoalAssessment.class);
        assessments.stream().filter(a -> a.decided() != null).forEach(a -> decided.merge(a.decided(), 1, Integer::sum));
        List<Count> byAssessment = new ArrayList<>();
        for (GoalAssessment assessment : GoalAssessment.values()) {
            byAssessment.add(new Count(assessment.label(Language.SV), assessment.symbol(),
                    decided.getOrDefault(assessment, 0)));
        }
        int notAssessed = (int) assessments.stream().filter(a -> a.decided() == null).count();
        byAssessment.add(new Count(NOT_ASSESSED, GoalAssessment.NOT_ASSESSED_SYMBOL, notAssessed));

        Map<Status, Integer> statuses = new EnumMap<>(Status.class);
        rows.stream().filter(r -> r.status() != null).forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
        List<Count> byStatus = new ArrayList<>();
        for (Status status : Status.values()) {
            byStatus.add(new Count(status.swedish(), status.symbol(), statuses.getOrDefault(status, 0)));
        }
        byStatus.add(new Count(ActivityRows.UNREPORTED, ActivityRows.UNREPORTED_SYMBOL,
                (int) rows.stream().filter(r -> r.status() == null).count()));
        List<String> changes = rows.stream()
                .flatMap(r -> r.changes().stream().map(c -> r.ref() + " " + r.title() + ": " + c)).toList();
        return new BoardReport.Summary(rows.size(), assessments.size(), List.copyOf(byAssessment), List.copyOf(byStatus),
                changes, inWords(rows.size(), assessments.size(), assessments.size() - notAssessed));
    }

    /** "35 aktiviteter under 13 mål; 4 av målen är bedömda, 9 är inte bedömda." */
    static String inWords(int activities, int goals, int decided) {
        String head = Counted.of(activities, Counted.ACTIVITY) + " under " + Counted.of(goals, Counted.GOAL);
        if (goals == 0) {
            return head + ".";
        }
        if (goals == 1) {
            return head + "; målet är " + (decided == 1 ? "bedömt." : "inte bedömt.");
        }
        int open = goals - decided;
        return head + "; " + decided + " av målen " + (decided == 1 ? "är bedömt" : "är bedömda") + ", "
                + open + " " + (open == 1 ? "är inte bedömt." : "är inte bedömda.");
    }
}
