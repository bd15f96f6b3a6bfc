package se.ange.tertial.web.overview;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.DeviationKind;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.report.AssessmentState;
import se.ange.tertial.web.WebTexts;

/**
 * Turns the overview's numbers into what the template shows: texts in the viewer's language with number
 * agreement, links to the activity list, and the bar chart's geometry (the template only places it).
 */
final class OverviewPage {

    /** One bar of the chart and its row in the table alternative. */
    record Bar(String name, int reported, int due, String percent, int y, int width, String label) {
    }

    /** A labelled number with an optional link (null: plain text). */
    record Count(String label, String text, String href) {
    }

    /** A row of the three-tertial table: a label and one cell per tertial. */
    record Row(String label, List<String> cells) {
    }

    static final int ROW_HEIGHT = 32;
    static final int LABEL_WIDTH = 250;
    static final int TRACK_WIDTH = 300;

    private final WebTexts t;
    private final OverviewController.Scope scope;
    private final OverviewFigures figures;
    private final LocalDate today;
    private final Language language;

    OverviewPage(WebTexts t, OverviewController.Scope scope, OverviewFigures figures, LocalDate today) {
        this.t = t;
        this.scope = scope;
        this.figures = figures;
        this.today = today;
        this.language = t.language();
    }

    Map<String, Object> model(Map<Long, AssessmentState> assessments) {
        Map<String, Object> model = new HashMap<>();
        String tertial = figures.asked.toString();
        String where = scope.isMunicipality() ? t.get("overview.municipality")
                : scope.unit() == null ? scope.department() : scope.department() + ", " + scope.unit();
        model.put("title", t.format("overview.title", tertial));
        model.put("where", where);
        int due = figures.shares.stream().mapToInt(OverviewFigures.Share::due).sum();
        int reported = figures.shares.stream().mapToInt(OverviewFigures.Share::reported).sum();
        model.put("lead", due == 0 ? t.format("overview.nothingDue", tertial)
                : t.formatAll("overview.lead", reported, Counted.of(due, Counted.REPORT, language), tertial,
                        percent(reported, due), Dates.near(figures.asked.closingDate(), today, language)));

        String groupHeader = t.get(scope.isMunicipality() ? "overview.department" : "overview.unit");
        model.put("groupHeader", groupHeader);
        model.put("chartTitle", t.format(scope.isMunicipality() ? "overview.chart.byDepartment" : "overview.chart.byUnit",
                tertial));
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (OverviewFigures.Share share : figures.shares) {
            String pct = share.due() == 0 ? t.get("overview.none") : t.format("overview.percent", share.percent());
            bars.add(new Bar(share.name(), share.reported(), share.due(), pct, y,
                    share.due() == 0 ? 0 : TRACK_WIDTH * share.reported() / share.due(),
                    t.formatAll("overview.bar", share.name(), pct, share.reported(), share.due())));
            y += ROW_HEIGHT;
        }
        model.put("bars", bars);
        model.put("viewBox", "0 0 " + (LABEL_WIDTH + TRACK_WIDTH + 70) + " " + Math.max(y, ROW_HEIGHT));
        model.put("labelWidth", LABEL_WIDTH);
        model.put("trackWidth", TRACK_WIDTH);

        String scopeQuery = scopeQuery();
        List<Count> deviations = new ArrayList<>();
        figures.deviations.forEach((DeviationKind kind, Integer count) -> deviations.add(new Count(kind.label(language),
                Counted.of(count, Counted.ACTIVITY, language),
                count == 0 ? null : "/aktiviteter?view=deviations" + scopeQuery)));
        model.put("deviations", deviations);

        model.put("missingLead", figures.missingTotal == 0 ? t.format("overview.missing.none", tertial)
                : t.format("overview.missing.lead", Counted.of(figures.missingTotal, Counted.ACTIVITY, language),
                        tertial));
        model.put("missingHref", figures.missingTotal == 0 ? null : "/aktiviteter?view=missing" + scopeQuery);
        model.put("missing", figures.missing.stream().map(m -> new Count(
                m.name() == null ? t.get("overview.missing.noOwner") : m.name(),
                Counted.of(m.count(), Counted.ACTIVITY, language),
                m.email() == null ? null : "/aktiviteter?view=missing" + scopeQuery + "&owner=" + encode(m.email())))
                .toList());

        model.put("tertials", figures.tertials.stream().map(f -> f.tertial().toString()).toList());
        List<Row> rows = new ArrayList<>();
        rows.add(row("overview.tertials.due", f -> Integer.toString(f.due())));
        rows.add(row("overview.tertials.reported", f -> t.format("overview.ofDue", f.reported(), percent(f.reported(), f.due()))));
        rows.add(row("overview.tertials.onTime", f -> t.format("overview.ofDue", f.onTime(), percent(f.onTime(), f.due()))));
        List<Row> statusRows = new ArrayList<>();
        for (Status status : Status.values()) {
            statusRows.add(new Row(status.label(language),
                    figures.tertials.stream().map(f -> Integer.toString(f.statuses().get(status))).toList()));
        }
        statusRows.add(row("overview.tertials.noStatus", f -> Integer.toString(f.withoutStatus())));
        model.put("tertialRows", rows);
        model.put("statusRows", statusRows);

        Map<GoalAssessment, Integer> byAssessment = new EnumMap<>(GoalAssessment.class);
        for (GoalAssessment assessment : GoalAssessment.values()) {
            byAssessment.put(assessment, 0);
        }
        int unassessed = 0;
        for (Long goal : figures.goals) {
            AssessmentState state = assessments.get(goal);
            if (state == null || state.effective().isEmpty()) {
                unassessed++;
            } else {
                byAssessment.merge(state.effective().get(), 1, Integer::sum);
            }
        }
        List<Count> goals = new ArrayList<>();
        byAssessment.forEach((assessment, count) -> goals.add(new Count(assessment.label(language),
                Counted.of(count, Counted.GOAL, language), null)));
        if (unassessed > 0) {
            goals.add(new Count(t.get("overview.goals.unassessed"), Counted.of(unassessed, Counted.GOAL, language), null));
        }
        model.put("goals", goals);
        model.put("goalsLead", t.format("overview.goals.lead", Counted.of(figures.goals.size(), Counted.GOAL, language),
                tertial));
        return model;
    }

    private Row row(String key, java.util.function.Function<OverviewFigures.TertialFigures, String> cell) {
        return new Row(t.get(key), figures.tertials.stream().map(cell).toList());
    }

    private String percent(int part, int whole) {
        return whole == 0 ? t.get("overview.none") : t.format("overview.percent", Math.round(100.0 * part / whole));
    }

    /** The list page's filters for the viewer's scope (stab: none, the list is the municipality's). */
    private String scopeQuery() {
        if (scope.isMunicipality()) {
            return "";
        }
        String query = "&department=" + encode(scope.department());
        return scope.unit() == null ? query : query + "&unit=" + encode(scope.unit());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
