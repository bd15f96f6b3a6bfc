package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;

/**
 * Builds a {@link TertialReport} from a tertial's state (with its goals' names), the previous tertial's
 * state (for what changed) and a scope. Plain Java: every rule of the report's content is here, the renderers are dumb.
 *
 * <ul>
 *   <li>Goals appear when the scope has activities under them (the municipality: every goal with activities
 *       that had to report, and every goal someone assessed).</li>
 *   <li>A goal's assessment is the goal's, whatever the scope: chosen by people, else the rule's suggestion
 *       (marked as such).</li>
 *   <li>Changes since the previous tertial: status moved, end date moved (only for activities in both).</li>
 * </ul>
 */
public final class ReportBuilder {

    static final String UNREPORTED = "Ej rapporterad";
    static final String UNREPORTED_SYMBOL = "–";
    static final String NOT_ASSESSED = "Ej bedömd";
    static final String SUGGESTION = " (förslag)";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Goal references in document order: 3.2 before 3.10. */
    static final Comparator<String> REF_ORDER = (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private final Clock clock;

    public ReportBuilder(Clock clock) {
        this.clock = clock;
    }

    /** The report of {@code current} (with the goal names it carries), changes against {@code previous}. */
    public TertialReport build(TertialState current, @Nullable TertialState previous, ReportScope scope) {
        Map<Long, GoalNames> names = current.goals();
        Map<Long, ActivityState> before = previous == null ? Map.of() : previous.activities().stream()
                .collect(Collectors.toMap(ActivityState::activityId, Function.identity(), (a, b) -> a));
        Map<Long, List<ActivityState>> byGoal = current.activities().stream()
                .filter(scope::includes)
                .collect(Collectors.groupingBy(ActivityState::goalId));
        List<Long> goalIds = new ArrayList<>(byGoal.keySet());
        if (scope.isMunicipality()) {
            current.assessments().keySet().stream().filter(id -> !byGoal.containsKey(id)).forEach(goalIds::add);
        }

        Comparator<GoalNames> ksOrder = Comparator.comparing(GoalNames::ref, REF_ORDER).thenComparing(GoalNames::year);
        Map<Long, List<GoalNames>> ksByKf = goalIds.stream().map(names::get).filter(Objects::nonNull)
                .sorted(ksOrder)
                .collect(Collectors.groupingBy(GoalNames::kfId, LinkedHashMap::new, Collectors.toList()));

        List<TertialReport.KfGoal> kfGoals = new ArrayList<>();
        List<TertialReport.Row> allRows = new ArrayList<>();
        List<TertialReport.Assessment> allAssessments = new ArrayList<>();
        List<String> allChanges = new ArrayList<>();
        ksByKf.values().stream()
                .sorted(Comparator.comparing((List<GoalNames> ks) -> ks.get(0).kfRef(), REF_ORDER)
                        .thenComparing(ks -> ks.get(0).year()))
                .forEach(goals -> {
                    List<TertialReport.KsGoal> ksGoals = new ArrayList<>();
                    for (GoalNames ks : goals) {
                        List<TertialReport.Row> rows = byGoal.getOrDefault(ks.goalId(), List.of()).stream()
                                .sorted(Comparator.comparing(ActivityState::ref))
                                .map(a -> row(a, before.get(a.activityId()), current))
                                .toList();
                        TertialReport.Assessment assessment = assessment(current.assessments().get(ks.goalId()));
                        ksGoals.add(new TertialReport.KsGoal(anchor("ks", ks.year(), ks.ref()), ks.ref(), ks.title(),
                                ks.area(), assessment, rows));
                        allRows.addAll(rows);
                        allAssessments.add(assessment);
                        rows.forEach(r -> r.changes().forEach(c -> allChanges.add(r.ref() + " " + r.title() + ": " + c)));
                    }
                    GoalNames first = goals.get(0);
                    kfGoals.add(new TertialReport.KfGoal(anchor("kf", first.year(), first.kfRef()), first.kfRef(),
                            first.kfTitle(), ksGoals));
                });

        String title = "Tertialrapport " + current.tertial();
        return new TertialReport(current.tertial(), title, scope.label(), LocalDate.now(clock), frozen(current),
                kfGoals, summary(allRows, allAssessments, allChanges));
    }

    /** "ks-2024-3.1.1": a goal's reference repeats from one plan year to the next. */
    static String anchor(String level, int year, String ref) {
        return level + "-" + year + "-" + ref;
    }

    private String frozen(TertialState state) {
        if (state.frozen() == null) {
            return null;
        }
        ZoneId zone = clock.getZone();
        return "Låst %s av %s%s".formatted(STAMP.format(state.frozen().at().atZone(zone)), state.frozen().by(),
                state.frozen().automatic() ? " (automatiskt)" : "");
    }

    private static TertialReport.Row row(ActivityState now, @Nullable ActivityState then, TertialState current) {
        List<String> changes = new ArrayList<>();
        if (then != null) {
            if (then.status() != null && now.status() != null && then.status() != now.status()) {
                changes.add("Status ändrad: %s → %s".formatted(then.status().swedish(), now.status().swedish()));
            }
            if (!then.endDate().equals(now.endDate())) {
                changes.add("Slutdatum flyttat: %s → %s".formatted(then.endDate(), now.endDate()));
            }
        }
        String organisation = now.unit() == null ? now.department() : now.department() + " • " + now.unit();
        String reportedFor = now.reportedFor() != null && !now.reportedFor().equals(current.tertial())
                ? "Senast rapporterad för " + now.reportedFor() : null;
        return new TertialReport.Row(now.ref(), now.title(), organisation, now.status(),
                now.status() == null ? UNREPORTED : now.status().swedish(),
                now.status() == null ? UNREPORTED_SYMBOL : now.status().symbol(),
                now.startDate(), now.endDate(), now.comment(), reportedFor, List.copyOf(changes));
    }

    private static TertialReport.Assessment assessment(@Nullable AssessmentState state) {
        if (state == null || state.effective().isEmpty()) {
            return new TertialReport.Assessment(null, NOT_ASSESSED, false, state == null ? null : state.analysis(),
                    state == null ? "Inga aktiviteter att bedöma." : state.reasoning());
        }
        GoalAssessment value = state.effective().orElseThrow();
        boolean suggestion = state.isSuggestion();
        return new TertialReport.Assessment(value, value.label(Language.SV) + (suggestion ? SUGGESTION : ""),
                suggestion, state.analysis(), state.reasoning());
    }

    private static TertialReport.Summary summary(List<TertialReport.Row> rows,
                                                 List<TertialReport.Assessment> assessments, List<String> changes) {
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        rows.stream().filter(r -> r.status() != null).forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
        List<TertialReport.Count> statusCounts = new ArrayList<>();
        for (Status status : Status.values()) {
            statusCounts.add(new TertialReport.Count(status.swedish(), status.symbol(), byStatus.getOrDefault(status, 0)));
        }
        statusCounts.add(new TertialReport.Count(UNREPORTED, UNREPORTED_SYMBOL,
                (int) rows.stream().filter(r -> r.status() == null).count()));
        Map<GoalAssessment, Integer> byAssessment = new EnumMap<>(GoalAssessment.class);
        assessments.stream().filter(a -> a.value() != null).forEach(a -> byAssessment.merge(a.value(), 1, Integer::sum));
        List<TertialReport.Count> assessmentCounts = new ArrayList<>();
        for (GoalAssessment assessment : GoalAssessment.values()) {
            assessmentCounts.add(new TertialReport.Count(assessment.label(Language.SV), "",
                    byAssessment.getOrDefault(assessment, 0)));
        }
        assessmentCounts.add(new TertialReport.Count(NOT_ASSESSED, "",
                (int) assessments.stream().filter(a -> a.value() == null).count()));
        return new TertialReport.Summary(rows.size(), assessments.size(), statusCounts, assessmentCounts,
                List.copyOf(changes));
    }
}
