package se.ange.tertial.report;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Tertial;

/**
 * The Swedish texts Tertial writes itself for a report's sections, from the seeds (templates in
 * {@code report/texts/<SECTION>.txt}): the uppsikt intro with the styrmodell quote and the year's economy
 * goal, "Rapportering och uppföljning" and "Avgränsning" of seed 001, the måluppföljning intro of seed 003
 * with the legend, and a closing analysis that states the figures and leaves a prompt for stab. Plain Java.
 */
final class TextDefaults {

    /** What a template may name: the tertial, its figures and the plan year's economy goals. */
    record Context(Tertial tertial, int activities, int goals, int completed, int deviations,
                   List<String> economyGoals) {

        /** The figures of the whole tertial (the board's), the economy goals from the plan year's names. */
        static Context of(TertialState state, Collection<GoalNames> names) {
            long completed = state.activities().stream()
                    .filter(a -> a.status() != null && a.status().isCompleted()).count();
            long deviations = state.activities().stream()
                    .filter(a -> a.status() != null && a.status().isWithDeviation()).count();
            // the goals the board's report shows: with activities, assessed, or with measures
            java.util.Set<Long> goalIds = new java.util.HashSet<>(state.assessments().keySet());
            state.activities().forEach(a -> goalIds.add(a.goalId()));
            state.measures().forEach((id, measures) -> {
                if (!measures.isEmpty()) {
                    goalIds.add(id);
                }
            });
            int goals = goalIds.size();
            List<String> economy = PlanGoals.ksGoalsOf(names, state.tertial().year()).stream()
                    .filter(PlanGoals::isEconomy).map(GoalNames::title).toList();
            return new Context(state.tertial(), state.activities().size(), goals, (int) completed, (int) deviations,
                    economy);
        }
    }

    private static final Map<TextSection, String> TEMPLATES = load();

    private TextDefaults() {
    }

    static String text(TextSection section, Context context) {
        Tertial tertial = context.tertial();
        return TEMPLATES.get(section)
                .replace("{year}", String.valueOf(tertial.year()))
                .replace("{number}", String.valueOf(tertial.number()))
                .replace("{period}", Dates.full(tertial.closingDate(), Language.SV))
                .replace("{economyGoals}", economyGoals(tertial.year(), context.economyGoals()))
                .replace("{activities}", Counted.of(context.activities(), Counted.ACTIVITY))
                .replace("{goals}", Counted.of(context.goals(), Counted.GOAL))
                .replace("{completed}", completed(context.completed()))
                .replace("{deviations}", deviations(context.deviations()))
                .strip();
    }

    /** Starts its sentence: "Ingen av dem är avslutad", "1 av dem är avslutad", "3 av dem är avslutade". */
    static String completed(int count) {
        String none = Counted.none(count);
        return Character.toUpperCase(none.charAt(0)) + none.substring(1) + " av dem är "
                + Counted.agreeing(count, "avslutad", "avslutade");
    }

    /** "ingen är rapporterad med avvikelse", "1 är rapporterad …", "2 är rapporterade …". */
    static String deviations(int count) {
        return Counted.none(count) + " är " + Counted.agreeing(count, "rapporterad", "rapporterade") + " med avvikelse";
    }

    static Map<TextSection, String> texts(ReportKind kind, Context context) {
        Map<TextSection, String> texts = new EnumMap<>(TextSection.class);
        for (TextSection section : TextSection.values()) {
            if (section.kind() == kind) {
                texts.put(section, text(section, context));
            }
        }
        return texts;
    }

    /** "För 2024 har kommunfullmäktige bara antagit ett verksamhetsmål för god ekonomisk hushållning, vilket är …". */
    static String economyGoals(int year, List<String> titles) {
        List<String> names = titles.stream().map(t -> t.strip().replaceAll("\\.+$", "")).toList();
        if (names.isEmpty()) {
            return "För %d har kommunfullmäktige inte antagit något verksamhetsmål för god ekonomisk hushållning."
                    .formatted(year);
        }
        if (names.size() == 1) {
            return "För %d har kommunfullmäktige bara antagit ett verksamhetsmål för god ekonomisk hushållning, vilket är %s."
                    .formatted(year, names.get(0));
        }
        String list = String.join(", ", names.subList(0, names.size() - 1)) + " och " + names.get(names.size() - 1);
        return "För %d har kommunfullmäktige antagit %d verksamhetsmål för god ekonomisk hushållning: %s."
                .formatted(year, names.size(), list);
    }

    private static Map<TextSection, String> load() {
        Map<TextSection, String> templates = new EnumMap<>(TextSection.class);
        for (TextSection section : TextSection.values()) {
            String name = "report/texts/" + section.name() + ".txt";
            templates.put(section, ReportResources.text(name));
        }
        return templates;
    }
}
