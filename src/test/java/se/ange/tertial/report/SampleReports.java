package se.ange.tertial.report;

import java.time.LocalDate;
import java.util.List;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.report.ReportParts.ActivityRow;
import se.ange.tertial.report.ReportParts.Assessment;
import se.ange.tertial.report.ReportParts.Count;
import se.ange.tertial.report.ReportParts.GoalGroup;
import se.ange.tertial.report.ReportParts.LegendEntry;
import se.ange.tertial.report.ReportParts.MeasureRow;
import se.ange.tertial.report.ReportParts.Paragraph;
import se.ange.tertial.report.ReportParts.Section;

/**
 * Two reports built by hand for the renderers' tests, in the shape of the seeds: Staben's uppsiktsrapport
 * for tertial 1 2024 (seed 001) and the board's måluppföljning (seed 003). Every status symbol appears,
 * Vänteläge's ⏸ included.
 */
public final class SampleReports {

    public static final Tertial T1_2024 = new Tertial(2024, 1);
    public static final LocalDate DATE = LocalDate.of(2024, 5, 2);

    private SampleReports() {
    }

    public static DepartmentReport uppsikt() {
        Section intro = new Section("1", "Redovisning av arbete för de politiska målen", "kap-1", 1, List.of(
                new Paragraph("Den här rapporten avser redovisning till kommunstyrelsen för verksamhetens arbete mot "
                        + "de politiska målen.", false),
                new Paragraph("När kommunstyrelsens verksamhetsplan är antagen ska förvaltningen skyndsamt påbörja "
                        + "planering för genomförande, utifrån verksamhetsplanen.", true),
                new Paragraph("För 2024 har kommunfullmäktige bara antagit ett verksamhetsmål för god ekonomisk "
                        + "hushållning, vilket är Sjukfrånvaron ska minska.", false)));
        DepartmentReport.Goal sick = new DepartmentReport.Goal("1.1", "mal-1-1", "Sjukfrånvaron ska minska", List.of(
                activity("A-1", "Genomföra temadagar", null,
                        "Hålla workshops med alla chefer i omgångar för att föra dialog kring hur vi kan minska sjuktalet.",
                        Status.PAGAENDE_ENLIGT_PLAN, LocalDate.of(2024, 4, 22), LocalDate.of(2024, 5, 31),
                        "Planering pågår, temadagarna genomförs den 30 maj.\nUnder tematräffarna gås friskfaktorer igenom.",
                        null, List.of()),
                activity("A-2", "Utveckla chefsstöd för systematiskt arbetsmiljöarbete och friskfaktorer",
                        "HR och Kommunikation", "Utveckla chefsstödet genom kompetenshöjning.",
                        Status.PAGAENDE_MED_AVVIKELSE, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 8, 31),
                        "Försenad på grund av andra prioriteringar i projekt Ånge Växer.", null,
                        List.of("Status ändrad från Pågående enligt plan"))));
        DepartmentReport.Goal health = new DepartmentReport.Goal("1.2", "mal-1-2",
                "Andelen anställda som nyttjar kommunens friskvårdsbidrag ska öka.", List.of(
                activity("A-3", "Öka nivån på friskvårdsbidraget", "HR och Kommunikation",
                        "För att förbättra hälsan och därmed kunna minska sjukfrånvaro.", Status.AVSLUTAD_ENLIGT_PLAN,
                        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "Från 1500 kr till 2000 kr per år.",
                        null, List.of()),
                activity("A-4", "Skapa Storytelling med temat friskvårdsbidrag", "HR och Kommunikation", null,
                        Status.VANTELAGE, LocalDate.of(2024, 2, 29), LocalDate.of(2024, 8, 31),
                        "Vilar i väntan på resurser.", "Senast rapporterad för 2023-T3", List.of()),
                activity("A-5", "Underteckna den regionala Strategin för jämställdhet", null, null, null,
                        LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 31), null, null, List.of())));
        List<Section> closing = List.of(
                new Section("1.3", "Rapportering och uppföljning", "kap-1-3", 2, List.of(new Paragraph(
                        "Den här redovisningen tas fram på begäran av kommunstyrelsen och dess utskott.", false))),
                new Section("1.4", "Avgränsning", "kap-1-4", 2, List.of(new Paragraph(
                        "I denna rapport redovisas inte aktiviteter inom ramen för enhetens löpande förvaltningsansvar.",
                        false))));
        Section boardGoals = new Section("2", "Kommunstyrelsens mål", "kap-2", 1, List.of(new Paragraph(
                "Här listas samtliga mål kommunstyrelsen antagit för 2024, samt verksamhetsmål för god ekonomisk "
                        + "hushållning.", false)));
        List<GoalGroup> groups = List.of(
                new GoalGroup("Mål inom målområde Vuxna", List.of(
                        "Andelen anställda som nyttjar kommunens friskvårdsbidrag ska öka.",
                        "Arbetslösheten i kommunen ska minska.")),
                new GoalGroup("Verksamhetsmål för god ekonomisk hushållning", List.of("Sjukfrånvaron ska minska.")));
        return new DepartmentReport(T1_2024, "Uppsiktsrapport till kommunstyrelsen", "Staben", DATE, null, intro,
                List.of(sick, health), closing, boardGoals, groups, 5);
    }

    public static BoardReport board() {
        Section intro = new Section("1", "Inledning", "kap-1", 1, List.of(new Paragraph(
                "Kommunfullmäktige har antagit ett antal mål för 2024. Dessa mål har kommunstyrelsen brutit ner till "
                        + "utvecklingsmål.", false)));
        List<LegendEntry> assessments = List.of(new LegendEntry("●", "Uppfylld"), new LegendEntry("◕", "Delvis uppfylld"),
                new LegendEntry("◔", "Knappt uppfylld"), new LegendEntry("○", "Ej uppfylld"),
                new LegendEntry("–", "Ej bedömd"));
        List<LegendEntry> statuses = java.util.Arrays.stream(Status.values())
                .map(status -> new LegendEntry(status.symbol(), status.swedish())).toList();
        Section goalsChapter = new Section("2", "Redovisning av målarbete", "kap-2", 1, List.of());
        BoardReport.KsGoal decided = new BoardReport.KsGoal("2.1.1", "ks-2024-2.1.1", "KS 2.1.1",
                "Andelen elever i åk 9 som är behöriga till gymnasiet når rikssnittet", "Barn och Unga",
                new Assessment(GoalAssessment.DELVIS_UPPFYLLD, "Delvis uppfylld", "◕",
                        "För 2023 är 80,4 % av eleverna i årskurs 9 behöriga till yrkesprogram.\nMålet bedöms därför som delvis uppfyllt.",
                        null, "Bedömt efter målets mått: 80,4 % mot målvärdet 84,1 %."),
                List.of(new MeasureRow("Andel behöriga till yrkesprogram", "79,2 %", "84,1 %", "Ska öka", "80,4 %",
                        "Utfall för 2024-T1, rapporterat av Sara Lindqvist 2 maj 2024")),
                List.of(activity("B-1", "Övningsskolor/förskolor", null, null, Status.AVSLUTAD_ENLIGT_PLAN,
                                LocalDate.of(2023, 1, 1), LocalDate.of(2024, 2, 29),
                                "Insatsen var försenad från Mittuniversitetets sida. Aktiviteten är nu genomförd.", null,
                                List.of()),
                        activity("B-2", "Implementera nya läroplaner", "Grundskolan", null, Status.PAGAENDE_MED_AVVIKELSE,
                                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31),
                                "Samtliga verksamheter arbetar med planen.", null,
                                List.of("Slutdatum flyttat från 2023-10-31"))));
        BoardReport.KsGoal undecided = new BoardReport.KsGoal("2.1.2", "ks-2024-2.1.2", "KS 2.1.2",
                "Bibehållen samt ökande kvalité och attraktivitet vid Bobergsgymnasiet", "Barn och Unga",
                new Assessment(null, "Ej bedömd", "–", null, "Förslag: Delvis uppfylld",
                        "Bedömt efter aktiviteterna: 1 av 2 aktiviteter avslutade enligt plan."),
                List.of(),
                List.of(activity("B-3", "Prioriterade rekryterings- och kompetensförsörjningsinsatser", null, null,
                        Status.VANTELAGE, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                        "Väntar på beslut om budget.", "Rapporterad före planerad start 2024-09-01", List.of())));
        BoardReport.KfGoal school = new BoardReport.KfGoal("2.1", "kf-2024-2.1", "KF 2.1",
                "Fortsätta ett målmedvetet arbete med att höja kvalitén i grundskolan", false, List.of(decided, undecided));
        BoardReport.KsGoal sickKs = new BoardReport.KsGoal("2.2.1", "ks-2024-2.2.1", "KS 2.2.1", "Sjukfrånvaron ska minska",
                null, new Assessment(GoalAssessment.EJ_UPPFYLLD, "Ej uppfylld", "○", "Sjukfrånvaron har ökat.", null,
                        "Bedömt efter aktiviteterna: ingen aktivitet avslutad."),
                List.of(), List.of(activity("B-4", "Genomföra temadagar", "HR och Kommunikation", null,
                        Status.EJ_PABORJAD, LocalDate.of(2024, 4, 22), LocalDate.of(2024, 5, 31), null, null, List.of())));
        BoardReport.KfGoal sick = new BoardReport.KfGoal("2.2", "kf-2024-2.2", "KF 2.2", "Sjukfrånvaron ska minska", true,
                List.of(sickKs));
        Section analysis = new Section("3", "Sammanfattning och analys", "kap-3", 1, List.of(new Paragraph(
                "Gällande målen så har det visat sig vara enklare att arbeta med mål som har en tydlig organisatorisk motpart.",
                false)));
        BoardReport.Summary summary = new BoardReport.Summary(4, 3,
                List.of(new Count("Delvis uppfylld", "◕", 1), new Count("Ej uppfylld", "○", 1), new Count("Ej bedömd", "–", 1)),
                List.of(new Count("Ej påbörjad", "○", 1), new Count("Pågående med avvikelse", "⚠", 1),
                        new Count("Vänteläge", "⏸", 1), new Count("Avslutad enligt plan", "✔", 1)),
                List.of("Implementera nya läroplaner: Pågående enligt plan → Pågående med avvikelse"),
                "4 aktiviteter under 3 mål; 2 mål är bedömda.");
        return new BoardReport(T1_2024, "Uppföljning av kommunstyrelsens mål", "Kommunstyrelsen", DATE,
                "Låst av Anna Berg 15 maj 2024", intro, assessments, statuses, goalsChapter, List.of(school, sick),
                analysis, summary);
    }

    static ActivityRow activity(String ref, String title, String unit, String description, Status status,
                                LocalDate start, LocalDate end, String comment, String note, List<String> changes) {
        return new ActivityRow(ref, title, unit, "Staben", description, true, status,
                status == null ? "Ej rapporterad" : status.swedish(), status == null ? "" : status.symbol(), start, end,
                comment, note, changes);
    }
}
