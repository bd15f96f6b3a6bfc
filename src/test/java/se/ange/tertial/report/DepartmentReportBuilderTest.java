package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.report.ReportGoals.HR;
import static se.ange.tertial.report.ReportGoals.NAMES;
import static se.ange.tertial.report.ReportGoals.SOCIAL;
import static se.ange.tertial.report.ReportGoals.STAB;
import static se.ange.tertial.report.ReportGoals.T1;
import static se.ange.tertial.report.ReportGoals.T2;
import static se.ange.tertial.report.ReportGoals.activity;
import static se.ange.tertial.report.ReportGoals.state;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Status;
import se.ange.tertial.report.ReportParts.ActivityRow;
import se.ange.tertial.report.ReportParts.GoalGroup;
import se.ange.tertial.report.ReportParts.Paragraph;
import se.ange.tertial.report.ReportParts.Section;

class DepartmentReportBuilderTest {

    final Clock clock = Clock.fixed(Instant.parse("2024-05-15T08:00:00Z"), ZoneId.of("Europe/Stockholm"));
    final DepartmentReportBuilder builder = new DepartmentReportBuilder(clock);
    final ReportScope staben = new ReportScope(STAB, null, "Staben");

    final List<ActivityState> t1 = List.of(
            activity("KS2024-001", 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1),
            activity("KS2024-002", 12, STAB, Status.AVSLUTAD_ENLIGT_PLAN, T1),
            activity("KS2024-003", 11, SOCIAL, Status.PAGAENDE_MED_AVVIKELSE, T1),
            activity("KS2024-004", 31, STAB, null, null),
            activity("ST2024-101", 51, STAB, HR, LocalDate.of(2024, 4, 22), Status.PAGAENDE_ENLIGT_PLAN, T1, true),
            activity("ST2024-102", 11, STAB, HR, LocalDate.of(2024, 2, 12), Status.VANTELAGE, T1, true));

    Map<TextSection, String> texts(TertialState state) {
        return TextDefaults.texts(ReportKind.UPPSIKT, TextDefaults.Context.of(state, NAMES.values()));
    }

    DepartmentReport build(TertialState state, GoalOrder order) {
        return builder.build(state, null, staben, NAMES, order, texts(state));
    }

    @Test
    void lists_the_departments_goals_in_its_order_then_plan_order_numbered_with_the_closing_sections_after() {
        DepartmentReport report = build(state(T1, t1, Map.of()), new GoalOrder(List.of("4.1", "3.3.2")));

        assertThat(report.kind()).isEqualTo(ReportKind.UPPSIKT);
        assertThat(report.title()).isEqualTo("Uppsiktsrapport till kommunstyrelsen");
        assertThat(report.scope()).isEqualTo("Staben");
        assertThat(report.goals()).extracting(DepartmentReport.Goal::number, DepartmentReport.Goal::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1.1", "Sjukfrånvaron ska minska"),
                org.assertj.core.groups.Tuple.tuple("1.2", "Ungdomar ska känna ökad trygghet."),
                org.assertj.core.groups.Tuple.tuple("1.3", "Hälsofrämjande arbetsplatser."),
                org.assertj.core.groups.Tuple.tuple("1.4", "Friskvårdsbidraget ska nyttjas mer."));
        assertThat(report.goals().get(0).anchor()).isEqualTo("ks-2024-4.1");
        assertThat(report.intro().number()).isEqualTo("1");
        assertThat(report.intro().heading()).isEqualTo("Redovisning av arbete för de politiska målen");
        assertThat(report.closing()).extracting(Section::number, Section::heading).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1.5", "Rapportering och uppföljning"),
                org.assertj.core.groups.Tuple.tuple("1.6", "Avgränsning"));
        assertThat(report.closing()).allSatisfy(s -> assertThat(s.level()).isEqualTo(2));

        DepartmentReport planOrder = build(state(T1, t1, Map.of()), GoalOrder.PLAN);
        assertThat(planOrder.goals()).extracting(DepartmentReport.Goal::title).containsExactly(
                "Hälsofrämjande arbetsplatser.", "Friskvårdsbidraget ska nyttjas mer.",
                "Ungdomar ska känna ökad trygghet.", "Sjukfrånvaron ska minska");
    }

    @Test
    void every_activity_of_the_department_plan_and_own_with_description_unit_status_and_dates_and_no_other_departments() {
        DepartmentReport report = build(state(T1, t1, Map.of()), GoalOrder.PLAN);

        assertThat(report.activityCount()).isEqualTo(5);
        List<ActivityRow> health = report.goals().get(0).activities();
        assertThat(health).extracting(ActivityRow::ref).containsExactly("KS2024-001", "ST2024-102");
        ActivityRow own = health.get(1);
        assertThat(own.own()).isTrue();
        assertThat(own.unit()).isEqualTo("HR och Kommunikation");
        assertThat(own.description()).isEqualTo("Beskrivning av ST2024-102");
        assertThat(own.statusLabel()).isEqualTo("Vänteläge");
        assertThat(own.symbol()).isEqualTo("⏸");
        assertThat(own.startDate()).isEqualTo(LocalDate.of(2024, 2, 12));
        assertThat(own.comment()).isEqualTo("Kommentar ST2024-102");
        assertThat(own.note()).isNull();
        ActivityRow unreported = report.goals().get(2).activities().get(0);
        assertThat(unreported.statusLabel()).isEqualTo("Ej rapporterad");
        assertThat(unreported.symbol()).isEqualTo("–");
        assertThat(report.toString()).doesNotContain("KS2024-003").doesNotContain("Socialavdelningen");
    }

    @Test
    void a_units_report_has_only_the_units_activities() {
        DepartmentReport report = builder.build(state(T1, t1, Map.of()), null,
                new ReportScope(STAB, HR, "Staben – HR och Kommunikation"), NAMES, GoalOrder.PLAN,
                texts(state(T1, t1, Map.of())));

        assertThat(report.scope()).isEqualTo("Staben – HR och Kommunikation");
        assertThat(report.goals()).flatExtracting(DepartmentReport.Goal::activities).extracting(ActivityRow::ref)
                .containsExactlyInAnyOrder("ST2024-101", "ST2024-102");
    }

    @Test
    void has_no_assessments_even_when_the_goal_was_decided() {
        TertialState state = state(T1, t1, Map.of(11L, new LiveStates.Decision(GoalAssessment.DELVIS_UPPFYLLD,
                "Analys från stab om hälsa")));

        DepartmentReport report = build(state, GoalOrder.PLAN);

        assertThat(DepartmentReport.Goal.class.getRecordComponents()).extracting(c -> c.getType().getSimpleName())
                .doesNotContain("Assessment");
        assertThat(report.toString()).doesNotContain("Analys från stab").doesNotContain("Delvis uppfylld")
                .doesNotContain("Ej bedömd");
    }

    @Test
    void notes_say_when_the_status_is_from_an_earlier_tertial_or_was_reported_before_the_planned_start() {
        List<ActivityState> t2 = List.of(
                activity("KS2024-001", 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1),
                activity("KS2024-045", 12, STAB, null, LocalDate.of(2024, 9, 1), Status.PAGAENDE_ENLIGT_PLAN, T1, false),
                activity("KS2024-002", 12, STAB, Status.AVSLUTAD_ENLIGT_PLAN, T2));

        DepartmentReport report = build(state(T2, t2, Map.of()), GoalOrder.PLAN);

        Map<String, ActivityRow> rows = report.goals().stream().flatMap(g -> g.activities().stream())
                .collect(java.util.stream.Collectors.toMap(ActivityRow::ref, r -> r));
        assertThat(rows.get("KS2024-001").note()).isEqualTo("Senast rapporterad för tertial 1 2024");
        assertThat(rows.get("KS2024-045").note())
                .isEqualTo("Senast rapporterad för tertial 1 2024; Rapporterad före planerad start 1 september 2024");
        assertThat(rows.get("KS2024-045").startDate()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(rows.get("KS2024-002").note()).isNull();
    }

    @Test
    void a_row_shows_what_moved_since_the_previous_tertial_status_and_end_date() {
        TertialState previous = state(T1, t1, Map.of());
        ActivityState moved = BoardReportBuilderTest.ending(
                activity("KS2024-001", 11, STAB, Status.PAGAENDE_MED_AVVIKELSE, T2), LocalDate.of(2025, 3, 31));
        TertialState now = state(T2, List.of(moved, activity("KS2024-002", 12, STAB, Status.AVSLUTAD_ENLIGT_PLAN, T1)),
                Map.of());

        DepartmentReport report = builder.build(now, previous, staben, NAMES, GoalOrder.PLAN, texts(now));

        assertThat(report.goals().get(0).activities().get(0).changes()).containsExactly(
                "Status ändrad: Pågående enligt plan → Pågående med avvikelse",
                "Slutdatum flyttat: 2024-12-31 → 2025-03-31");
        assertThat(report.goals().get(1).activities().get(0).changes()).isEmpty();
        assertThat(report.goals().get(1).activities().get(0).note()).isEqualTo("Senast rapporterad för tertial 1 2024");
    }

    @Test
    void goals_with_the_same_reference_in_two_plan_years_are_two_sections_with_their_own_anchors() {
        Map<Long, GoalNames> names = new java.util.HashMap<>(NAMES);
        names.putAll(GoalNames.of(List.of(
                new se.ange.tertial.register.goal.Goal(110L, se.ange.tertial.register.goal.GoalLevel.KF, "3.1",
                        "Attraktiv och jämställd arbetsgivare", 2025, null, null),
                new se.ange.tertial.register.goal.Goal(111L, se.ange.tertial.register.goal.GoalLevel.KS, "3.1.1",
                        "Hälsofrämjande arbetsplatser 2025.", 2025, 110L, 1L)),
                List.of(new se.ange.tertial.register.goal.GoalArea(1L, "Vuxna"))));
        TertialState state = state(T1, List.of(activity("KS2025-001", 111, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1),
                activity("KS2024-001", 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1)), Map.of());

        DepartmentReport report = builder.build(state, null, staben, names, GoalOrder.PLAN, texts(state));

        assertThat(report.goals()).extracting(DepartmentReport.Goal::number, DepartmentReport.Goal::anchor,
                DepartmentReport.Goal::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1.1", "ks-2024-3.1.1", "Hälsofrämjande arbetsplatser."),
                org.assertj.core.groups.Tuple.tuple("1.2", "ks-2025-3.1.1", "Hälsofrämjande arbetsplatser 2025."));
        assertThat(report.goals().get(1).activities()).extracting(ActivityRow::ref).containsExactly("KS2025-001");
    }

    @Test
    void chapter_two_lists_every_ks_goal_of_the_year_by_area_in_the_seeds_order_and_the_economy_goal_last() {
        DepartmentReport report = build(state(T1, t1, Map.of()), GoalOrder.PLAN);

        assertThat(report.boardGoals().number()).isEqualTo("2");
        assertThat(report.boardGoals().heading()).isEqualTo("Kommunstyrelsens mål");
        assertThat(report.boardGoals().paragraphs()).extracting(Paragraph::text).containsExactly(
                "Här listas samtliga mål kommunstyrelsen antagit för 2024, samt verksamhetsmål för god ekonomisk hushållning.");
        assertThat(report.goalGroups()).extracting(GoalGroup::heading).containsExactly(
                "Mål inom målområde Barn och Unga", "Mål inom målområde Vuxna", "Mål inom målområde Äldre +65",
                "Mål inom målområde Tillväxt", "Mål inom målområde Kultur",
                "Verksamhetsmål för god ekonomisk hushållning");
        // goals nobody works toward are listed too; another year's are not
        assertThat(report.goalGroups().get(3).goals()).containsExactly("Positivt flyttnetto.");
        assertThat(report.goalGroups().get(1).goals())
                .containsExactly("Hälsofrämjande arbetsplatser.", "Friskvårdsbidraget ska nyttjas mer.");
        assertThat(report.goalGroups().get(5).goals()).containsExactly("Sjukfrånvaron ska minska");
        assertThat(report.toString()).doesNotContain("Förra årets mål");
    }

    @Test
    void the_default_intro_quotes_the_styrmodell_and_names_the_years_economy_goal() {
        DepartmentReport report = build(state(T1, t1, Map.of()), GoalOrder.PLAN);

        List<Paragraph> intro = report.intro().paragraphs();
        assertThat(intro).filteredOn(Paragraph::quote).hasSize(2)
                .first().satisfies(p -> assertThat(p.text()).startsWith("När kommunstyrelsens verksamhetsplan är antagen"));
        assertThat(intro).filteredOn(p -> !p.quote()).extracting(Paragraph::text).anySatisfy(t -> assertThat(t)
                .startsWith("För 2024 har kommunfullmäktige bara antagit ett verksamhetsmål för god ekonomisk "
                        + "hushållning, vilket är Sjukfrånvaron ska minska."));
        assertThat(report.closing().get(0).paragraphs().get(0).text())
                .startsWith("Den här redovisningen tas fram på begäran av kommunstyrelsen");
        assertThat(report.closing().get(1).paragraphs().get(0).text())
                .startsWith("I denna rapport redovisas inte aktiviteter inom ramen för enhetens löpande");
    }

    @Test
    void stored_texts_replace_the_defaults_and_a_frozen_state_says_who_closed_it() {
        TertialState state = ReportGoals.frozen(state(T1, t1, Map.of()));
        Map<TextSection, String> texts = new java.util.EnumMap<>(texts(state));
        texts.put(TextSection.UPPSIKT_DELIMITATION, "Egen avgränsning.\n\n> Ett citat\n> på två rader");

        DepartmentReport report = builder.build(state, null, staben, NAMES, GoalOrder.PLAN, texts);

        assertThat(report.closing().get(1).paragraphs()).containsExactly(new Paragraph("Egen avgränsning.", false),
                new Paragraph("Ett citat på två rader", true));
        assertThat(report.frozen()).isEqualTo("Låst 2024-05-15 06:00 av Sara Lindqvist");
        assertThat(report.date()).isEqualTo(LocalDate.of(2024, 5, 15));
    }

    @Test
    void economy_goals_in_words_agree_with_their_number() {
        assertThat(TextDefaults.economyGoals(2025, List.of())).isEqualTo(
                "För 2025 har kommunfullmäktige inte antagit något verksamhetsmål för god ekonomisk hushållning.");
        assertThat(TextDefaults.economyGoals(2025, List.of("A.", "B", "C"))).isEqualTo(
                "För 2025 har kommunfullmäktige antagit 3 verksamhetsmål för god ekonomisk hushållning: A, B och C.");
    }

    @Test
    void the_sections_anchors_are_their_names_in_lower_case_with_hyphens() {
        DepartmentReport report = build(state(T1, t1, Map.of()), GoalOrder.PLAN);

        assertThat(report.intro().anchor()).isEqualTo("uppsikt-intro");
        assertThat(report.closing()).extracting(Section::anchor)
                .containsExactly("uppsikt-reporting", "uppsikt-delimitation");
    }

    @Test
    void the_states_own_goal_names_win_over_the_plans() {
        Map<Long, GoalNames> stale = new java.util.HashMap<>(NAMES);
        GoalNames health = NAMES.get(11L);
        stale.put(11L, new GoalNames(11L, 2024, "3.1.1", "Gammal titel", "Vuxna", health.kfId(), health.kfRef(),
                health.kfTitle()));
        TertialState state = state(T1, t1, Map.of());

        DepartmentReport report = builder.build(state, null, staben, stale, GoalOrder.PLAN, texts(state));

        assertThat(report.goals().get(0).title()).isEqualTo("Hälsofrämjande arbetsplatser.");
        assertThat(report.goalGroups().get(1).goals()).contains("Hälsofrämjande arbetsplatser.")
                .doesNotContain("Gammal titel");
    }

    @Test
    void ks_goals_without_an_area_are_listed_after_the_areas_and_before_the_economy_goal() {
        GoalNames loose = new GoalNames(61L, 2024, "3.5.1", "Ett mål utan område.", null, 60L, "3.5", "Övrigt");
        GoalNames alsoLoose = new GoalNames(62L, 2024, "3.5.2", "Ännu ett mål utan område.", null, 60L, "3.5",
                "Övrigt");
        List<GoalNames> ks = new java.util.ArrayList<>(PlanGoals.ksGoalsOf(NAMES.values(), 2024));
        ks.add(loose);
        ks.add(alsoLoose);

        List<GoalGroup> groups = DepartmentReportBuilder.groups(ks);

        assertThat(groups).extracting(GoalGroup::heading).endsWith("Mål inom målområde Kultur", "Mål utan målområde",
                "Verksamhetsmål för god ekonomisk hushållning");
        assertThat(groups.get(groups.size() - 2).goals())
                .containsExactly("Ett mål utan område.", "Ännu ett mål utan område.");
    }

    @Test
    void a_previous_state_listing_an_activity_twice_counts_its_first_row() {
        ActivityState first = activity("KS2024-001", 11, STAB, Status.PAGAENDE_ENLIGT_PLAN, T1);
        ActivityState again = activity("KS2024-001", 11, STAB, Status.VANTELAGE, T1);
        TertialState previous = state(T1, List.of(first, again), Map.of());
        TertialState now = state(T2, List.of(activity("KS2024-001", 11, STAB, Status.AVSLUTAD_ENLIGT_PLAN, T2)),
                Map.of());

        DepartmentReport report = builder.build(now, previous, staben, NAMES, GoalOrder.PLAN, texts(now));

        assertThat(report.goals().get(0).activities().get(0).changes())
                .containsExactly("Status ändrad: Pågående enligt plan → Avslutad enligt plan");
    }
}
