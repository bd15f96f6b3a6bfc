package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.GoalAssessor;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.Activity;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;

class ReportBuilderTest {

    static final Tertial T1 = new Tertial(2024, 1);
    static final Tertial T2 = new Tertial(2024, 2);
    static final long STAB = 1L;
    static final long SOCIAL = 2L;

    final Clock clock = Clock.fixed(Instant.parse("2024-05-15T08:00:00Z"), ZoneId.of("Europe/Stockholm"));
    final LiveStates live = new LiveStates(new GoalAssessor());
    final ReportBuilder builder = new ReportBuilder(clock);

    final Goal kf = new Goal(10L, GoalLevel.KF, "3.1", "Attraktiv arbetsgivare", 2024, null, null);
    final Goal ks1 = new Goal(11L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser", 2024, 10L, 5L);
    final Goal ks2 = new Goal(12L, GoalLevel.KS, "3.1.2", "Friskvårdsbidrag", 2024, 10L, 5L);
    final Goal kf10 = new Goal(20L, GoalLevel.KF, "3.10", "Ett senare mål", 2024, null, null);
    final Goal ks10 = new Goal(21L, GoalLevel.KS, "3.10.1", "Ett senare delmål", 2024, 20L, null);
    final Map<Long, Goal> goals = Map.of(10L, kf, 11L, ks1, 12L, ks2, 20L, kf10, 21L, ks10);

    static ActivityState activity(long id, long goal, long department, Status status, String comment, Tertial reportedFor,
                                  LocalDate end) {
        return new ActivityState(id, "KS2024-%03d".formatted(id), "Aktivitet " + id, goal,
                department == STAB ? "Staben" : "Socialavdelningen", null, department, null,
                LocalDate.of(2024, 1, 1), end, status, comment, reportedFor);
    }

    TertialState state(Tertial tertial, List<ActivityState> activities, Map<Long, LiveStates.Decision> decisions) {
        return state(tertial, activities, decisions, goals);
    }

    TertialState state(Tertial tertial, List<ActivityState> activities, Map<Long, LiveStates.Decision> decisions,
                       Map<Long, Goal> goalsById) {
        return new TertialState(tertial, null, activities, live.assessments(activities, tertial, decisions),
                GoalNames.of(goalsById, Map.of(5L, "Tillväxt")));
    }

    @Test
    void groups_activities_under_kf_and_ks_goals_in_reference_order_with_status_symbol_and_comment() {
        var state = state(T1, List.of(
                activity(3, 21, STAB, Status.PAGAENDE_ENLIGT_PLAN, "Tio", T1, LocalDate.of(2024, 12, 31)),
                activity(2, 12, STAB, Status.VANTELAGE, "Väntar på beslut", T1, LocalDate.of(2024, 12, 31)),
                activity(1, 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, "Planering pågår", T1, LocalDate.of(2024, 12, 31))),
                Map.of());

        TertialReport report = builder.build(state, null, ReportScope.municipality());

        assertThat(report.title()).isEqualTo("Tertialrapport 2024-T1");
        assertThat(report.scope()).isEqualTo("Hela kommunen");
        assertThat(report.date()).isEqualTo(LocalDate.of(2024, 5, 15));
        assertThat(report.frozen()).isNull();
        assertThat(report.kfGoals()).extracting(TertialReport.KfGoal::ref).containsExactly("3.1", "3.10");
        assertThat(report.kfGoals().get(0).goals()).extracting(TertialReport.KsGoal::ref).containsExactly("3.1.1", "3.1.2");
        TertialReport.Row row = report.kfGoals().get(0).goals().get(0).activities().get(0);
        assertThat(row.ref()).isEqualTo("KS2024-001");
        assertThat(row.statusLabel()).isEqualTo("Pågående enligt plan");
        assertThat(row.symbol()).isEqualTo("▶");
        assertThat(row.comment()).isEqualTo("Planering pågår");
        assertThat(report.kfGoals().get(0).goals().get(0).goalArea()).isEqualTo("Tillväxt");
    }

    @Test
    void the_styrmodell_rule_is_a_marked_suggestion_and_a_decision_overrides_it_with_its_analysis() {
        var state = state(T1, List.of(
                activity(1, 11, STAB, Status.AVSLUTAD_ENLIGT_PLAN, null, T1, LocalDate.of(2024, 3, 1)),
                activity(2, 11, STAB, Status.AVSLUTAD_ENLIGT_PLAN, null, T1, LocalDate.of(2024, 4, 1)),
                activity(3, 12, STAB, Status.AVSLUTAD_ENLIGT_PLAN, null, T1, LocalDate.of(2024, 4, 1))),
                Map.of(12L, new LiveStates.Decision(GoalAssessment.KNAPPT_UPPFYLLD, "Effekten uteblev.")));

        var ksGoals = builder.build(state, null, ReportScope.municipality()).kfGoals().get(0).goals();

        TertialReport.Assessment suggested = ksGoals.get(0).assessment();
        assertThat(suggested.value()).isEqualTo(GoalAssessment.UPPFYLLD);
        assertThat(suggested.suggestion()).isTrue();
        assertThat(suggested.label()).isEqualTo("Uppfylld (förslag)");
        TertialReport.Assessment decided = ksGoals.get(1).assessment();
        assertThat(decided.value()).isEqualTo(GoalAssessment.KNAPPT_UPPFYLLD);
        assertThat(decided.suggestion()).isFalse();
        assertThat(decided.label()).isEqualTo("Knappt uppfylld");
        assertThat(decided.analysis()).isEqualTo("Effekten uteblev.");
    }

    @Test
    void a_department_report_has_only_its_activities_and_their_goals_and_counts_them() {
        var state = state(T1, List.of(
                activity(1, 11, STAB, Status.PAGAENDE_MED_AVVIKELSE, "Resursbrist", T1, LocalDate.of(2024, 12, 31)),
                activity(2, 11, SOCIAL, Status.PAGAENDE_ENLIGT_PLAN, null, T1, LocalDate.of(2024, 12, 31)),
                activity(3, 12, SOCIAL, Status.AVSLUTAD_ENLIGT_PLAN, null, T1, LocalDate.of(2024, 3, 1)),
                activity(4, 11, STAB, null, null, null, LocalDate.of(2024, 12, 31))),
                Map.of());

        TertialReport report = builder.build(state, null, new ReportScope(STAB, null, "Staben"));

        assertThat(report.scope()).isEqualTo("Staben");
        assertThat(report.kfGoals()).hasSize(1);
        assertThat(report.kfGoals().get(0).goals()).extracting(TertialReport.KsGoal::ref).containsExactly("3.1.1");
        assertThat(report.kfGoals().get(0).goals().get(0).activities()).extracting(TertialReport.Row::ref)
                .containsExactly("KS2024-001", "KS2024-004");
        assertThat(report.summary().activities()).isEqualTo(2);
        assertThat(report.summary().byStatus()).contains(
                new TertialReport.Count("Pågående med avvikelse", "⚠", 1),
                new TertialReport.Count("Ej rapporterad", "–", 1),
                new TertialReport.Count("Pågående enligt plan", "▶", 0));
        assertThat(report.summary().byAssessment()).hasSize(5);
        assertThat(report.summary().goals()).isEqualTo(1);
    }

    @Test
    void changes_since_the_previous_tertial_are_status_and_end_date_moves() {
        var before = state(T1, List.of(
                activity(1, 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, null, T1, LocalDate.of(2024, 8, 31)),
                activity(2, 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, null, T1, LocalDate.of(2024, 8, 31))), Map.of());
        var now = state(T2, List.of(
                activity(1, 11, STAB, Status.PAGAENDE_MED_AVVIKELSE, "Försenad", T2, LocalDate.of(2024, 10, 31)),
                activity(2, 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, null, T1, LocalDate.of(2024, 8, 31))), Map.of());

        TertialReport report = builder.build(now, before, ReportScope.municipality());

        var rows = report.kfGoals().get(0).goals().get(0).activities();
        assertThat(rows.get(0).changes()).containsExactly(
                "Status ändrad: Pågående enligt plan → Pågående med avvikelse",
                "Slutdatum flyttat: 2024-08-31 → 2024-10-31");
        assertThat(rows.get(1).changes()).isEmpty();
        assertThat(rows.get(1).reportedFor()).isEqualTo("Senast rapporterad för 2024-T1");
        assertThat(report.summary().changes()).hasSize(2).allSatisfy(c -> assertThat(c).startsWith("KS2024-001"));
    }

    @Test
    void goals_with_the_same_reference_in_two_plan_years_get_their_own_anchors_and_contents_links() {
        Goal kf2025 = new Goal(30L, GoalLevel.KF, "3.1", "Attraktiv arbetsgivare", 2025, null, null);
        Goal ks2025 = new Goal(31L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser", 2025, 30L, 5L);
        Map<Long, Goal> bothYears = new java.util.HashMap<>(goals);
        bothYears.put(30L, kf2025);
        bothYears.put(31L, ks2025);
        var state = state(T1, List.of(
                activity(1, 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, null, T1, LocalDate.of(2025, 3, 31)),
                activity(2, 31, STAB, Status.PAGAENDE_ENLIGT_PLAN, null, T1, LocalDate.of(2025, 12, 31))), Map.of(),
                bothYears);

        TertialReport report = builder.build(state, null, ReportScope.municipality());
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(HtmlReport.render(report));

        List<String> ids = html.select("[id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates().contains("ks-2024-3.1.1", "ks-2025-3.1.1", "kf-2024-3.1", "kf-2025-3.1");
        assertThat(html.select("nav.toc a").eachAttr("href")).hasSize(5)
                .allSatisfy(href -> assertThat(ids).contains(href.substring(1)));

        // in Word the two 3.1 headings say which plan they belong to
        try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(DocxReport.render(report)))) {
            assertThat(docx.getParagraphs()).filteredOn(p -> "Heading1".equals(p.getStyle()))
                    .extracting(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                    .contains("3.1 Attraktiv arbetsgivare (plan 2025)").anyMatch(text -> text.endsWith("(plan 2024)"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void line_breaks_in_comments_and_analyses_are_kept_in_the_html_and_pdf() throws java.io.IOException {
        var state = state(T1, List.of(
                activity(1, 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, "Första raden\nAndra raden", T1, LocalDate.of(2024, 12, 31))),
                Map.of(11L, new LiveStates.Decision(GoalAssessment.DELVIS_UPPFYLLD, "Analysens första stycke\nAndra stycket")));

        String html = HtmlReport.render(builder.build(state, null, ReportScope.municipality()));
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);

        assertThat(doc.selectFirst("table.activities .comment").wholeText()).isEqualTo("Första raden\nAndra raden");
        assertThat(doc.selectFirst(".analysis").wholeText()).isEqualTo("Analysens första stycke\nAndra stycket");
        assertThat(doc.selectFirst("style").data().replaceAll("\\s+", " "))
                .contains(".analysis, .comment { white-space: pre-line; }");
        // and in the PDF: the analysis's second line starts a line of its own
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(PdfReport.render(builder.build(state, null, ReportScope.municipality())))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).lines().map(String::strip))
                    .contains("Analysens första stycke", "Andra stycket");
        }
    }

    @Test
    void a_frozen_state_says_when_and_by_whom() {
        var frozen = new TertialState(T1, new TertialState.Frozen(Instant.parse("2024-05-02T07:00:00Z"),
                "sara.lindqvist@ange.example", false), List.of(), Map.of());

        assertThat(builder.build(frozen, null, ReportScope.municipality()).frozen())
                .isEqualTo("Låst 2024-05-02 09:00 av sara.lindqvist@ange.example");
    }

    static StatusReport report(long activityId, Tertial tertial, Status status, String comment, String receivedAt) {
        return new StatusReport(null, activityId, tertial.toString(), status, comment, null, "emma.berglund@ange.example",
                Channel.API, Instant.parse(receivedAt), null);
    }

    ActivityView view(long id, LocalDate start, LocalDate end, StatusReport... reports) {
        Activity activity = new Activity(id, "KS2024-%03d".formatted(id), "Aktivitet " + id, null, start, end, 11L,
                ActivitySource.KS, STAB, null, null, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-01T00:00:00Z"));
        return new ActivityView(activity, ks1, kf, "Staben", null, List.of(), List.of(reports));
    }

    @Test
    void live_states_take_the_latest_report_up_to_the_tertial_and_leave_out_activities_done_earlier() {
        List<ActivityView> register = List.of(
                // running all year: reported for T1, then for T2, then a late T1 correction
                view(1, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                        report(1, T1, Status.PAGAENDE_ENLIGT_PLAN, "T1-läget", "2024-04-20T08:00:00Z"),
                        report(1, T2, Status.PAGAENDE_MED_AVVIKELSE, "T2-läget", "2024-08-20T08:00:00Z"),
                        report(1, T1, Status.VANTELAGE, "T1-läget, rättat i efterhand", "2024-08-25T08:00:00Z")),
                // completed in T1
                view(2, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 30),
                        report(2, T1, Status.AVSLUTAD_ENLIGT_PLAN, "Klar", "2024-04-25T08:00:00Z")),
                // never reported: still has to report in both
                view(3, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 10, 31)));

        List<ActivityState> t1 = live.activities(register, T1);
        assertThat(t1).extracting(ActivityState::ref).containsExactly("KS2024-001", "KS2024-002", "KS2024-003");
        assertThat(t1.get(0)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(Status.VANTELAGE); // the T2 report does not leak into T1
            assertThat(a.comment()).isEqualTo("T1-läget, rättat i efterhand");
            assertThat(a.reportedFor()).isEqualTo(T1);
        });
        assertThat(t1.get(1).status()).isEqualTo(Status.AVSLUTAD_ENLIGT_PLAN);
        assertThat(t1.get(2).status()).isNull();

        List<ActivityState> t2 = live.activities(register, T2);
        assertThat(t2).extracting(ActivityState::ref).containsExactly("KS2024-001", "KS2024-003"); // 002 done in T1
        assertThat(t2.get(0)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(Status.PAGAENDE_MED_AVVIKELSE);
            assertThat(a.comment()).isEqualTo("T2-läget");
            assertThat(a.reportedFor()).isEqualTo(T2);
            assertThat(a.department()).isEqualTo("Staben");
            assertThat(a.goalId()).isEqualTo(11L);
        });

        // the suggestion is judged as of the tertial's close
        AssessmentState state = live.assess(11L, List.of(
                activity(1, 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, null, T1, LocalDate.of(2024, 4, 30))), T1, null);
        assertThat(state.suggested()).isEqualTo(GoalAssessment.DELVIS_UPPFYLLD);
        AssessmentState late = live.assess(11L, List.of(
                activity(1, 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, null, T1, LocalDate.of(2024, 4, 29))), T1, null);
        assertThat(late.suggested()).isEqualTo(GoalAssessment.EJ_UPPFYLLD);
    }
}
