package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static se.ange.tertial.report.ReportGoals.NAMES;
import static se.ange.tertial.report.ReportGoals.SOCIAL;
import static se.ange.tertial.report.ReportGoals.STAB;
import static se.ange.tertial.report.ReportGoals.T1;
import static se.ange.tertial.report.ReportGoals.T2;
import static se.ange.tertial.report.ReportGoals.activity;
import static se.ange.tertial.report.ReportGoals.state;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.MeasureDirection;
import se.ange.tertial.followup.Status;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.report.ReportParts.Assessment;
import se.ange.tertial.report.ReportParts.Count;
import se.ange.tertial.report.ReportParts.LegendEntry;
import se.ange.tertial.report.ReportParts.MeasureRow;

class BoardReportBuilderTest {

    final Clock clock = Clock.fixed(Instant.parse("2024-05-15T08:00:00Z"), ZoneId.of("Europe/Stockholm"));
    final BoardReportBuilder builder = new BoardReportBuilder(clock);

    final List<ActivityState> t1 = List.of(
            activity("KS2024-001", 11, STAB, Status.AVSLUTAD_ENLIGT_PLAN, T1),
            activity("KS2024-002", 12, STAB, Status.AVSLUTAD_ENLIGT_PLAN, T1),
            activity("KS2024-003", 12, SOCIAL, Status.AVSLUTAD_ENLIGT_PLAN, T1),
            activity("KS2024-004", 31, SOCIAL, Status.PAGAENDE_MED_AVVIKELSE, T1),
            activity("ST2024-101", 51, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1));

    BoardReport build(TertialState state, TertialState previous) {
        return builder.build(state, previous, NAMES, TextDefaults.texts(ReportKind.MALUPPFOLJNING,
                TextDefaults.Context.of(state, NAMES.values())));
    }

    @Test
    void groups_ks_goals_under_kf_goals_numbered_with_one_heading_when_the_titles_are_equal() {
        BoardReport report = build(state(T1, t1, Map.of()), null);

        assertThat(report.kind()).isEqualTo(ReportKind.MALUPPFOLJNING);
        assertThat(report.title()).isEqualTo("Uppföljning av kommunstyrelsens mål, tertial 1 2024");
        assertThat(report.scope()).isEqualTo("Hela kommunen");
        assertThat(report.kfGoals()).extracting(BoardReport.KfGoal::number, BoardReport.KfGoal::ref,
                BoardReport.KfGoal::single).containsExactly(tuple("2.1", "3.1", false), tuple("2.2", "3.3", false),
                tuple("2.3", "4.1", true));
        assertThat(report.kfGoals().get(0).goals()).extracting(BoardReport.KsGoal::number, BoardReport.KsGoal::ref)
                .containsExactly(tuple("2.1.1", "3.1.1"), tuple("2.1.2", "3.1.2"));
        assertThat(report.kfGoals().get(0).goals().get(1).activities()).extracting(ReportParts.ActivityRow::ref)
                .containsExactly("KS2024-002", "KS2024-003");
        assertThat(report.kfGoals().get(0).goals().get(0).anchor()).isEqualTo("ks-2024-3.1.1");
        assertThat(report.intro().heading()).isEqualTo("Inledning");
        assertThat(report.goalsChapter().number()).isEqualTo("2");
        assertThat(report.analysis().number()).isEqualTo("3");
        assertThat(report.analysis().heading()).isEqualTo("Sammanfattning och analys");
    }

    @Test
    void shows_the_decision_with_symbol_and_analysis_and_an_undecided_goal_as_ej_bedomd_with_the_suggestion_only() {
        TertialState state = state(T1, t1, Map.of(
                11L, new LiveStates.Decision(GoalAssessment.DELVIS_UPPFYLLD, "Hälften av arbetsplatserna."),
                31L, new LiveStates.Decision(null, "Bara en analys, inget beslut.")));

        BoardReport report = build(state, null);

        Assessment decided = report.kfGoals().get(0).goals().get(0).assessment();
        assertThat(decided.decided()).isEqualTo(GoalAssessment.DELVIS_UPPFYLLD);
        assertThat(decided.label()).isEqualTo("Delvis uppfylld");
        assertThat(decided.symbol()).isEqualTo("◕");
        assertThat(decided.analysis()).isEqualTo("Hälften av arbetsplatserna.");
        assertThat(decided.suggestion()).isNull();
        assertThat(decided.reasoning()).as("the rule's reasoning is background under a decision")
                .startsWith("Styrmodellens förslag var ").contains(". Bedömt efter aktiviteterna: ");
        // every activity completed as planned: the rule suggests Uppfylld, but nobody decided
        Assessment undecided = report.kfGoals().get(0).goals().get(1).assessment();
        assertThat(undecided.decided()).isNull();
        assertThat(undecided.label()).isEqualTo("Ej bedömd");
        assertThat(undecided.symbol()).isEqualTo("–");
        assertThat(undecided.suggestion()).isEqualTo("Förslag: Uppfylld");
        assertThat(undecided.reasoning()).startsWith("Bedömt efter aktiviteterna: ");
        Assessment analysisOnly = report.kfGoals().get(1).goals().get(0).assessment();
        assertThat(analysisOnly.label()).isEqualTo("Ej bedömd");
        assertThat(analysisOnly.analysis()).isEqualTo("Bara en analys, inget beslut.");
    }

    @Test
    void the_summary_counts_decisions_only_and_activities_per_status_with_number_agreement() {
        TertialState state = state(T1, t1, Map.of(
                11L, new LiveStates.Decision(GoalAssessment.DELVIS_UPPFYLLD, null)));

        BoardReport.Summary summary = build(state, null).summary();

        assertThat(summary.activities()).isEqualTo(5);
        assertThat(summary.goals()).isEqualTo(4);
        assertThat(summary.byAssessment()).extracting(Count::label, Count::symbol, Count::count).containsExactly(
                tuple("Uppfylld", "●", 0), tuple("Delvis uppfylld", "◕", 1), tuple("Knappt uppfylld", "◔", 0),
                tuple("Ej uppfylld", "○", 0), tuple("Ej bedömd", "–", 3));
        assertThat(summary.byStatus()).extracting(Count::label, Count::count).contains(
                tuple("Avslutad enligt plan", 3), tuple("Pågående med avvikelse", 1), tuple("Pågående enligt plan", 1),
                tuple("Ej rapporterad", 0));
        assertThat(summary.inWords()).isEqualTo("5 aktiviteter under 4 mål; 1 av målen är bedömt, 3 är inte bedömda.");
        assertThat(BoardReportBuilder.inWords(1, 1, 0)).isEqualTo("1 aktivitet under 1 mål; målet är inte bedömt.");
        assertThat(BoardReportBuilder.inWords(35, 13, 4))
                .isEqualTo("35 aktiviteter under 13 mål; 4 av målen är bedömda, 9 är inte bedömda.");
    }

    @Test
    void changes_since_the_previous_tertial_are_status_and_end_date_moves_shown_on_the_row_and_listed() {
        TertialState previous = state(T1, t1, Map.of());
        List<ActivityState> t2 = List.of(
                activity("KS2024-004", 31, SOCIAL, Status.AVSLUTAD_MED_AVVIKELSE, T2),
                ending(activity("KS2024-002", 12, STAB, Status.AVSLUTAD_ENLIGT_PLAN, T2), LocalDate.of(2025, 2, 28)),
                activity("KS2024-001", 11, STAB, Status.AVSLUTAD_ENLIGT_PLAN, T1));

        BoardReport report = build(state(T2, t2, Map.of()), previous);

        assertThat(report.summary().changes()).containsExactly(
                "KS2024-002 Aktivitet KS2024-002: Slutdatum flyttat: 2024-12-31 → 2025-02-28",
                "KS2024-004 Aktivitet KS2024-004: Status ändrad: Pågående med avvikelse → Avslutad med avvikelse");
        ReportParts.ActivityRow unchanged = report.kfGoals().get(0).goals().get(0).activities().get(0);
        assertThat(unchanged.note()).isEqualTo("Senast rapporterad för tertial 1 2024");
        assertThat(unchanged.changes()).isEmpty();
        assertThat(report.kfGoals().get(0).goals().get(1).activities().get(0).changes())
                .containsExactly("Slutdatum flyttat: 2024-12-31 → 2025-02-28");
        assertThat(report.kfGoals().get(1).goals().get(0).activities().get(0).changes())
                .containsExactly("Status ändrad: Pågående med avvikelse → Avslutad med avvikelse");
        // without a previous tertial nothing is a change
        assertThat(build(state(T2, t2, Map.of()), null).summary().changes()).isEmpty();
    }

    static ActivityState ending(ActivityState a, LocalDate end) {
        return new ActivityState(a.activityId(), a.ref(), a.title(), a.goalId(), a.department(), a.unit(),
                a.departmentId(), a.unitId(), a.startDate(), end, a.status(), a.comment(), a.reportedFor(),
                a.description(), a.own());
    }

    @Test
    void goals_follow_reference_order_3_4_1_before_3_4_10_with_area_and_each_row_has_status_symbol_and_comment() {
        assertThat(java.util.stream.Stream.of("3.10", "3.2", "3.1.1", "3.1").sorted(GoalRefs.ORDER))
                .containsExactly("3.1", "3.1.1", "3.2", "3.10");
        List<ActivityState> growth = List.of(
                activity("KS2024-011", 42, STAB, Status.VANTELAGE, T1),
                activity("KS2024-010", 41, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1),
                activity("KS2024-012", 41, SOCIAL, null, null));

        BoardReport report = build(state(T1, growth, Map.of()), null);

        BoardReport.KfGoal kf = report.kfGoals().get(0);
        assertThat(kf.ref()).isEqualTo("3.4");
        assertThat(kf.goals()).extracting(BoardReport.KsGoal::ref, BoardReport.KsGoal::goalArea)
                .containsExactly(tuple("3.4.1", "Tillväxt"), tuple("3.4.10", "Kultur"));
        assertThat(kf.goals().get(0).activities()).extracting(ReportParts.ActivityRow::ref,
                ReportParts.ActivityRow::statusLabel, ReportParts.ActivityRow::symbol, ReportParts.ActivityRow::comment)
                .containsExactly(tuple("KS2024-010", "Pågående enligt plan", "▶", "Kommentar KS2024-010"),
                        tuple("KS2024-012", "Ej rapporterad", "–", null));
        assertThat(kf.goals().get(1).activities().get(0)).extracting(ReportParts.ActivityRow::statusLabel,
                ReportParts.ActivityRow::symbol).containsExactly("Vänteläge", "⏸");
    }

    @Test
    void goals_with_the_same_reference_in_two_plan_years_are_told_apart_by_their_anchors_and_links() {
        Map<Long, GoalNames> names = new java.util.HashMap<>(NAMES);
        names.putAll(GoalNames.of(List.of(
                new Goal(110L, GoalLevel.KF, "3.1", "Attraktiv och jämställd arbetsgivare", 2025, null, null),
                new Goal(111L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser.", 2025, 110L, 1L)),
                List.of(new se.ange.tertial.register.goal.GoalArea(1L, "Vuxna"))));
        List<ActivityState> both = List.of(activity("KS2024-001", 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1),
                activity("KS2025-001", 111, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1));
        TertialState state = state(T1, both, Map.of());

        BoardReport report = builder.build(state, null, names, TextDefaults.texts(ReportKind.MALUPPFOLJNING,
                TextDefaults.Context.of(state, names.values())));

        assertThat(report.kfGoals()).extracting(BoardReport.KfGoal::number, BoardReport.KfGoal::anchor)
                .containsExactly(tuple("2.1", "kf-2024-3.1"), tuple("2.2", "kf-2025-3.1"));
        assertThat(report.kfGoals()).flatExtracting(BoardReport.KfGoal::goals).extracting(BoardReport.KsGoal::anchor)
                .containsExactly("ks-2024-3.1.1", "ks-2025-3.1.1");
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(HtmlReport.render(report));
        List<String> ids = html.select("[id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates().contains("ks-2024-3.1.1", "ks-2025-3.1.1", "kf-2024-3.1", "kf-2025-3.1");
        assertThat(html.select("nav.toc a").eachAttr("href")).contains("#kf-2024-3.1", "#kf-2025-3.1")
                .allSatisfy(href -> assertThat(ids).contains(href.substring(1)));
    }

    @Test
    void line_breaks_in_comments_and_analyses_are_kept_in_the_html_and_pdf() throws java.io.IOException {
        ActivityState a = activity("KS2024-001", 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1);
        ActivityState broken = new ActivityState(a.activityId(), a.ref(), a.title(), a.goalId(), a.department(),
                a.unit(), a.departmentId(), a.unitId(), a.startDate(), a.endDate(), a.status(),
                "Första raden\nAndra raden", a.reportedFor(), a.description(), a.own());
        BoardReport report = build(state(T1, List.of(broken), Map.of(11L, new LiveStates.Decision(
                GoalAssessment.DELVIS_UPPFYLLD, "Analysens första stycke\nAndra stycket"))), null);

        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(HtmlReport.render(report));
        assertThat(html.selectFirst("table.activities .comment").wholeText()).isEqualTo("Första raden\nAndra raden");
        assertThat(html.selectFirst(".analysis").wholeText()).isEqualTo("Analysens första stycke\nAndra stycket");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(PdfReport.render(report))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).lines().map(String::strip))
                    .contains("Analysens första stycke", "Andra stycket");
        }
    }

    @Test
    void a_frozen_state_says_when_and_by_whom_and_an_automatic_close_says_so() {
        TertialState open = state(T1, t1, Map.of());
        TertialState automatic = new TertialState(T1, new TertialState.Frozen(Instant.parse("2024-05-14T01:00:00Z"),
                "tertial-autoclose", true), open.activities(), open.assessments(), open.goals());

        assertThat(build(open, null).frozen()).isNull();
        assertThat(build(ReportGoals.frozen(open), null).frozen()).isEqualTo("Låst 2024-05-15 06:00 av Sara Lindqvist");
        assertThat(build(automatic, null).frozen()).isEqualTo("Låst 2024-05-14 03:00 av tertial-autoclose (automatiskt)");
    }

    @Test
    void measures_in_swedish_number_format_with_a_dash_when_missing_and_a_goal_with_only_measures_is_shown() {
        MeasureState sick = new MeasureState(1L, 51L, "Sjukfrånvaro (%) Social verksamhet", "%",
                new BigDecimal("12.49"), new BigDecimal("10"), MeasureDirection.DECREASE, new BigDecimal("11.5"), T1,
                "Sara Lindqvist", Instant.parse("2024-05-02T08:00:00Z"));
        MeasureState movers = new MeasureState(2L, 41L, "Flyttnetto", "personer", new BigDecimal("-12"),
                new BigDecimal("10000"), MeasureDirection.INCREASE, null, null, null, null);
        TertialState state = state(T1, t1, Map.of(), Map.of(51L, List.of(sick), 41L, List.of(movers)));

        BoardReport report = build(state, null);

        BoardReport.KfGoal growth = report.kfGoals().stream().filter(k -> k.ref().equals("3.4")).findFirst().orElseThrow();
        assertThat(growth.goals().get(0).measures()).containsExactly(new MeasureRow("Flyttnetto", "−12 personer",
                "10 000 personer", "Ska öka", "–", null));
        BoardReport.KfGoal economy = report.kfGoals().stream().filter(k -> k.ref().equals("4.1")).findFirst().orElseThrow();
        assertThat(economy.goals().get(0).measures()).containsExactly(new MeasureRow(
                "Sjukfrånvaro (%) Social verksamhet", "12,49 %", "10 %", "Ska minska", "11,5 %",
                "Utfall för tertial 1 2024, rapporterat av Sara Lindqvist 2 maj 2024"));
    }

    @Test
    void the_legend_has_every_assessment_and_status_with_its_symbol_and_the_intro_names_the_symbols() {
        BoardReport report = build(state(T1, t1, Map.of()), null);

        assertThat(report.assessmentLegend()).extracting(LegendEntry::symbol, LegendEntry::label).containsExactly(
                tuple("●", "Uppfylld"), tuple("◕", "Delvis uppfylld"), tuple("◔", "Knappt uppfylld"),
                tuple("○", "Ej uppfylld"), tuple("–", "Ej bedömd"));
        assertThat(report.statusLegend()).extracting(LegendEntry::label).containsExactly("Ej påbörjad",
                "Pågående enligt plan", "Pågående med avvikelse", "Vänteläge", "Avslutad enligt plan",
                "Avslutad med avvikelse", "Ej rapporterad");
        assertThat(report.intro().paragraphs()).extracting(ReportParts.Paragraph::text)
                .anySatisfy(t -> assertThat(t).contains("uppfyllt (●)", "ej uppfyllt (○)"));
        assertThat(report.analysis().paragraphs().get(0).text()).isEqualTo(
                "Under tertial 1 2024 följdes 5 aktiviteter upp under 4 mål. 3 av dem är avslutade och 1 är "
                        + "rapporterad med avvikelse.");
        assertThat(report.analysis().paragraphs().get(1).text()).startsWith("[Skriv analysen här");
    }

    @Test
    void the_states_own_goal_names_win_over_the_plans() {
        Map<Long, GoalNames> stale = new java.util.HashMap<>(NAMES);
        GoalNames health = NAMES.get(11L);
        stale.put(11L, new GoalNames(11L, 2024, "3.1.1", "Gammal titel", "Vuxna", health.kfId(), health.kfRef(),
                health.kfTitle()));
        TertialState state = state(T1, t1, Map.of());

        BoardReport report = builder.build(state, null, stale, TextDefaults.texts(ReportKind.MALUPPFOLJNING,
                TextDefaults.Context.of(state, NAMES.values())));

        assertThat(report.kfGoals().get(0).goals().get(0).title()).isEqualTo("Hälsofrämjande arbetsplatser.");
    }

    @Test
    void an_empty_tertial_says_so_in_words() {
        BoardReport report = build(state(T1, List.of(), Map.of()), null);

        assertThat(report.kfGoals()).isEmpty();
        assertThat(report.summary().inWords()).isEqualTo("0 aktiviteter under 0 mål.");
    }

    BoardReport buildWith(List<Goal> extra, List<ActivityState> activities) {
        Map<Long, GoalNames> names = new java.util.HashMap<>(NAMES);
        java.util.Map<Long, Goal> byId = new java.util.HashMap<>();
        ReportGoals.GOALS.forEach(g -> byId.put(g.id(), g));
        extra.forEach(g -> byId.put(g.id(), g));
        names.putAll(GoalNames.of(byId, ReportGoals.AREAS));
        TertialState state = state(T1, activities, Map.of());
        return builder.build(state, null, names, TextDefaults.texts(ReportKind.MALUPPFOLJNING,
                TextDefaults.Context.of(state, names.values())));
    }

    @Test
    void kf_goals_follow_their_own_reference_not_the_year_of_their_first_ks_goal() {
        // 2025's 3.1 comes before 2024's 3.2: the reference decides, the year only between equal references
        BoardReport report = buildWith(List.of(
                new Goal(110L, GoalLevel.KF, "3.1", "Attraktiv och jämställd arbetsgivare", 2025, null, null),
                new Goal(111L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser 2025.", 2025, 110L, 1L)),
                List.of(activity("KS2024-021", 21, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1),
                        activity("KS2025-001", 111, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1)));

        assertThat(report.kfGoals()).extracting(BoardReport.KfGoal::number, BoardReport.KfGoal::anchor)
                .containsExactly(tuple("2.1", "kf-2025-3.1"), tuple("2.2", "kf-2024-3.2"));
    }

    @Test
    void kf_goals_with_the_same_reference_follow_their_year_even_when_the_later_years_ks_reference_is_lower() {
        BoardReport report = buildWith(List.of(
                new Goal(110L, GoalLevel.KF, "3.1", "Attraktiv och jämställd arbetsgivare", 2025, null, null),
                new Goal(111L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser 2025.", 2025, 110L, 1L)),
                List.of(activity("KS2024-002", 12, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1),
                        activity("KS2025-001", 111, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1)));

        assertThat(report.kfGoals()).extracting(BoardReport.KfGoal::number, BoardReport.KfGoal::anchor)
                .containsExactly(tuple("2.1", "kf-2024-3.1"), tuple("2.2", "kf-2025-3.1"));
        assertThat(report.kfGoals()).flatExtracting(BoardReport.KfGoal::goals).extracting(BoardReport.KsGoal::anchor)
                .containsExactly("ks-2024-3.1.2", "ks-2025-3.1.1");
    }
}
