package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import se.ange.tertial.report.ReportParts.GoalGroup;
import se.ange.tertial.report.ReportParts.Paragraph;
import se.ange.tertial.report.ReportParts.Section;

/**
 * Builds a department's (or unit's) uppsiktsrapport as seed 001: chapter 1 with the intro text, its goals
 * (those it has activities toward in the tertial) in the department's order numbered 1.1, 1.2 …, each with
 * all its activities of the tertial, plan and own; then the closing text sections numbered after the goals;
 * chapter 2 lists every KS goal of the plan year by goal area, the economy goal last. No assessments: a
 * department's report is about its own work, and a goal's assessment rests on every department's.
 * Plain Java.
 */
public final class DepartmentReportBuilder {

    static final String TITLE = "Uppsiktsrapport till kommunstyrelsen";
    static final String BOARD_GOALS = "Kommunstyrelsens mål";
    static final String ECONOMY_GROUP = "Verksamhetsmål för god ekonomisk hushållning";
    static final List<TextSection> CLOSING = List.of(TextSection.UPPSIKT_REPORTING, TextSection.UPPSIKT_DELIMITATION);

    private final Clock clock;

    public DepartmentReportBuilder(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param planGoals every goal's names the register knows (chapter 2 lists those of the tertial's year,
     *                  also goals nobody has activities toward); the tertial's own names win
     * @param texts     each uppsikt section's effective text (see {@link ReportTexts})
     */
    public DepartmentReport build(TertialState current, @Nullable TertialState previous, ReportScope scope,
                                  Map<Long, GoalNames> planGoals, GoalOrder order, Map<TextSection, String> texts) {
        Map<Long, GoalNames> names = new HashMap<>(planGoals);
        names.putAll(current.goals());
        ActivityRows rows = new ActivityRows(current.tertial(), previous);
        Map<Long, List<ActivityState>> byGoal = current.activities().stream().filter(scope::includes)
                .collect(Collectors.groupingBy(ActivityState::goalId));
        List<GoalNames> goals = byGoal.keySet().stream().map(names::get).filter(Objects::nonNull)
                .sorted(order.comparator()).toList();

        List<DepartmentReport.Goal> sections = new ArrayList<>();
        for (GoalNames goal : goals) {
            String number = "1." + (sections.size() + 1);
            sections.add(new DepartmentReport.Goal(number, GoalRefs.anchor("ks", goal.year(), goal.ref()),
                    goal.title(), rows.rows(byGoal.get(goal.goalId()))));
        }
        List<Section> closing = new ArrayList<>();
        for (TextSection section : CLOSING) {
            closing.add(new Section("1." + (sections.size() + closing.size() + 1), section.heading(),
                    anchor(section), 2, Paragraphs.of(texts.getOrDefault(section, ""))));
        }
        Section intro = new Section("1", TextSection.UPPSIKT_INTRO.heading(), anchor(TextSection.UPPSIKT_INTRO), 1,
                Paragraphs.of(texts.getOrDefault(TextSection.UPPSIKT_INTRO, "")));
        int year = current.tertial().year();
        Section boardGoals = new Section("2", BOARD_GOALS, "kommunstyrelsens-mal", 1, List.of(new Paragraph(
                "Här listas samtliga mål kommunstyrelsen antagit för %d, samt verksamhetsmål för god ekonomisk hushållning."
                        .formatted(year), false)));
        int activityCount = sections.stream().mapToInt(g -> g.activities().size()).sum();
        return new DepartmentReport(current.tertial(), TITLE, scope.label(), LocalDate.now(clock),
                FrozenNote.of(current, clock.getZone()), intro, List.copyOf(sections), List.copyOf(closing),
                boardGoals, groups(PlanGoals.ksGoalsOf(names.values(), year)), activityCount);
    }

    /** Per goal area in the seed's order ("Mål inom målområde Barn och Unga"), the economy goals last. */
    static List<GoalGroup> groups(List<GoalNames> ksGoals) {
        Map<String, List<String>> byArea = new TreeMap<>(PlanGoals.areaOrder());
        List<String> economy = new ArrayList<>();
        for (GoalNames goal : ksGoals) {
            if (PlanGoals.isEconomy(goal)) {
                economy.add(goal.title());
            } else if (goal.area() != null) {
                byArea.computeIfAbsent(goal.area(), a -> new ArrayList<>()).add(goal.title());
            } else {
                byArea.computeIfAbsent("", a -> new ArrayList<>()).add(goal.title());
            }
        }
        Map<String, List<String>> ordered = new LinkedHashMap<>(byArea);
        List<GoalGroup> groups = new ArrayList<>();
        ordered.forEach((area, titles) -> {
            if (!area.isEmpty()) {
                groups.add(new GoalGroup("Mål inom målområde " + area, List.copyOf(titles)));
            }
        });
        if (ordered.containsKey("")) {
            groups.add(new GoalGroup("Mål utan målområde", List.copyOf(ordered.get(""))));
        }
        if (!economy.isEmpty()) {
            groups.add(new GoalGroup(ECONOMY_GROUP, List.copyOf(economy)));
        }
        return List.copyOf(groups);
    }

    static String anchor(TextSection section) {
        return section.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
