package se.ange.tertial.report;

import java.time.LocalDate;
import java.util.ArrayList;
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

/** Reports built by hand, shaped as seeds 001 (Staben's uppsiktsrapport T1 2024) and 003 (måluppföljning). */
final class SampleReportsForHtml {

    static final Tertial T1 = new Tertial(2024, 1);
    static final LocalDate DATE = LocalDate.of(2024, 5, 2);

    /** A comment as long as the seeds' longest (a row of about a third of a page). */
    static final String LONG_COMMENT = String.join("\n", java.util.Collections.nCopies(6,
            "Samtliga chefer och ledare inom Ånge kommun kommer under workshoppen att få arbeta med frågor kring "
                    + "friskfaktorer för att öka förståelsen för vad det innebär."));

    private SampleReportsForHtml() {
    }

    static DepartmentReport department() {
        return department(1);
    }

    /** Staben's report; {@code copies} repeats the goals' activities to make a long document. */
    static DepartmentReport department(int copies) {
        Section intro = new Section("1", "Redovisning av arbete för de politiska målen", "kapitel-1", 1, List.of(
                plain("Den här rapporten avser redovisning till kommunstyrelsen för verksamhetens arbete mot de "
                        + "politiska målen. Redovisningen avser årets arbete med de politiska målen, från årsskiftet "
                        + "tills dess rapporten redovisas."),
                plain("I kommunens styrmodell beskrivs hur kommunen bryter ner fullmäktiges långsiktiga mål. "
                        + "I kommunens styrmodell framkommer bland annat:"),
                new Paragraph("När kommunstyrelsens verksamhetsplan är antagen ska förvaltningen skyndsamt påbörja "
                        + "planering för genomförande, utifrån verksamhetsplanen. Varje enhet i kommunen ska arbeta "
                        + "för att nå kommunstyrelsens mål.", true),
                new Paragraph("Verksamheterna ska även planera och genomföra aktiviteter som direkt kopplar till "
                        + "kommunfullmäktiges verksamhetsmål för god ekonomisk hushållning.", true),
                plain("För 2024 har kommunfullmäktige bara antagit ett verksamhetsmål för god ekonomisk "
                        + "hushållning, vilket är Sjukfrånvaron ska minska.")));
        List<DepartmentReport.Goal> goals = new ArrayList<>();
        List<ActivityRow> sick = new ArrayList<>();
        List<ActivityRow> wellness = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            String suffix = copies == 1 ? "" : " (" + (i + 1) + ")";
            sick.add(new ActivityRow("E-" + i + "-1", "Genomföra temadagar" + suffix, null, "Staben",
                    "Hålla workshops med alla chefer i omgångar för att föra dialog kring hur vi kan minska "
                            + "sjuktalet. Kommer ledas av verksamhetsutvecklare.",
                    true, Status.PAGAENDE_ENLIGT_PLAN, Status.PAGAENDE_ENLIGT_PLAN.swedish(),
                    Status.PAGAENDE_ENLIGT_PLAN.symbol(), LocalDate.of(2024, 4, 22), LocalDate.of(2024, 5, 31),
                    i % 3 == 2 ? LONG_COMMENT
                            : "Planering pågår, temadagarna kommer genomföras den 30 maj med sociala avdelningen.\n"
                            + "Under tematräffarna kommer synsättet att öka frisknärvaron att implementeras.",
                    null, List.of()));
            sick.add(new ActivityRow("KS2024-004", "Utveckla chefsstöd för systematiskt arbetsmiljöarbete och "
                    + "friskfaktorer" + suffix, "HR och Kommunikation", "Staben",
                    "Utveckla chefsstödet för systematiskt arbetsmiljöarbete och friskvårdsfaktorer genom "
                            + "kompetenshöjning.",
                    false, Status.VANTELAGE, Status.VANTELAGE.swedish(), Status.VANTELAGE.symbol(),
                    LocalDate.of(2024, 1, 1), LocalDate.of(2024, 8, 31),
                    "Väntar på beslut om finansiering.", "Senast rapporterad för 2023-T3",
                    List.of("Status ändrad från Pågående enligt plan")));
            wellness.add(new ActivityRow("E-" + i + "-2", "Skapa Storytelling med temat friskvårdsbidrag" + suffix,
                    "HR och Kommunikation", "Staben",
                    "Låta minst fyra medarbetare berätta om hur hälsan har påverkats efter att träning har "
                            + "genomförts via friskvårdsbidraget.",
                    true, Status.PAGAENDE_MED_AVVIKELSE, Status.PAGAENDE_MED_AVVIKELSE.swedish(),
                    Status.PAGAENDE_MED_AVVIKELSE.symbol(), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 8, 31),
                    i % 3 == 2 ? LONG_COMMENT
                            : "Denna aktivitet startar i mars pga resursbrist. En intervju är genomförd och en till är på gång.",
                    null, List.of()));
            wellness.add(new ActivityRow("E-" + i + "-3", "Öka nivån på friskvårdsbidraget" + suffix,
                    "HR och Kommunikation", "Staben", "För att förbättra hälsan och därmed kunna minska sjukfrånvaro.",
                    true, Status.AVSLUTAD_ENLIGT_PLAN, Status.AVSLUTAD_ENLIGT_PLAN.swedish(),
                    Status.AVSLUTAD_ENLIGT_PLAN.symbol(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                    "Från 1500 kr till 2000 kr per år.", null, List.of()));
            wellness.add(new ActivityRow("E-" + i + "-4", "Marknadsföra friskvårdsbidraget" + suffix,
                    "HR och Kommunikation", "Staben", null, true, null, "Ej rapporterad", "–",
                    LocalDate.of(2024, 9, 1), LocalDate.of(2024, 12, 31), null,
                    "Rapporterad före planerad start 2024-09-01", List.of()));
        }
        goals.add(new DepartmentReport.Goal("1.1", "mal-1-1", "Sjukfrånvaron ska minska", sick));
        goals.add(new DepartmentReport.Goal("1.2", "mal-1-2",
                "Andelen anställda som nyttjar kommunens friskvårdsbidrag ska öka.", wellness));
        goals.add(new DepartmentReport.Goal("1.3", "mal-1-3", "Arbetslösheten i kommunen ska minska.", List.of()));
        List<Section> closing = List.of(
                new Section("1.4", "Rapportering och uppföljning", "kapitel-1-4", 2, List.of(
                        plain("Den här redovisningen tas fram på begäran av kommunstyrelsen och dess utskott."),
                        plain("Utskottet som avhandlar den här rapporten kan endera godkänna rapporten och därmed "
                                + "avsluta ärendet,\nalternativt inte godkänna rapporten."))),
                new Section("1.5", "Avgränsning", "kapitel-1-5", 2, List.of(
                        plain("I denna rapport redovisas inte aktiviteter inom ramen för enhetens löpande "
                                + "förvaltningsansvar."))));
        Section boardGoals = new Section("2", "Kommunstyrelsens mål", "kapitel-2", 1, List.of(
                plain("Här listas samtliga mål kommunstyrelsen antagit för 2024, samt verksamhetsmål för god "
                        + "ekonomisk hushållning.")));
        List<GoalGroup> groups = List.of(
                new GoalGroup("Mål inom målområde Barn och Unga", List.of(
                        "Kommunens ungdomar ska känna ökad trygghet.",
                        "Andelen niondeklassare som klarar gymnasiebehörighet ska öka.")),
                new GoalGroup("Mål inom målområde Vuxna", List.of(
                        "Andelen anställda som nyttjar kommunens friskvårdsbidrag ska öka.",
                        "Arbetslösheten i kommunen ska minska.")),
                new GoalGroup("Verksamhetsmål för god ekonomisk hushållning", List.of("Sjukfrånvaron ska minska.")));
        int count = sick.size() + wellness.size();
        return new DepartmentReport(T1, "Uppsiktsrapport till kommunstyrelsen", "Staben", DATE, null, intro, goals,
                closing, boardGoals, groups, count);
    }

    static BoardReport board() {
        Section intro = new Section("1", "Inledning", "kapitel-1", 1, List.of(
                plain("Kommunfullmäktige har antagit ett antal mål för 2024. Dessa mål har kommunstyrelsen brutit "
                        + "ner till utvecklingsmål för 2024."),
                plain("I den här rapporten redovisas en bedömning för respektive mål, samt en sammantagen analys "
                        + "av pågående och planerat arbete.")));
        List<LegendEntry> assessmentLegend = List.of(new LegendEntry("●", "Uppfylld"),
                new LegendEntry("◐", "Delvis uppfylld"), new LegendEntry("◔", "Knappt uppfylld"),
                new LegendEntry("○", "Ej uppfylld"));
        List<LegendEntry> statusLegend = new ArrayList<>();
        for (Status status : Status.values()) {
            statusLegend.add(new LegendEntry(status.symbol(), status.swedish()));
        }
        Section goalsChapter = new Section("2", "Redovisning av målarbete", "kapitel-2", 1, List.of(
                plain("Här redovisas målarbetet per kommunfullmäktiges mål.")));
        BoardReport.KsGoal decided = new BoardReport.KsGoal("2.1.1", "mal-2-1-1", "2.1.1",
                "Andelen elever i åk 9 som är behöriga till gymnasiet når rikssnittet eller högre.", "Barn och Unga",
                new Assessment(GoalAssessment.DELVIS_UPPFYLLD, "Delvis uppfylld", "◐",
                        "För 2024 är 80,4 % av Ånge kommuns elever i årskurs 9 behöriga till yrkesprogram, jämfört "
                                + "med rikssnittet 84,1 %.\nMålet bedöms därför som delvis uppfyllt.",
                        null, "Bedömt efter målets mått: 1 av 1 mått har inte nått målvärdet."),
                List.of(new MeasureRow("Andel behöriga elever åk 9 (%)", "79,2 %", "84,1 %", "Ska öka", "80,4 %",
                        "Utfall för 2024-T1, rapporterat av Sara Lindqvist 2 maj 2024")),
                List.of(new ActivityRow("KS2024-010", "Utbildningsinsats inom SKUA", null, "Utbildningsavdelningen",
                                null, false, Status.AVSLUTAD_ENLIGT_PLAN, Status.AVSLUTAD_ENLIGT_PLAN.swedish(),
                                Status.AVSLUTAD_ENLIGT_PLAN.symbol(), LocalDate.of(2024, 1, 1),
                                LocalDate.of(2024, 12, 21),
                                "Personal är utbildad och har påbörjat arbetet med att implementera.\nKlar enligt plan.",
                                null, List.of()),
                        new ActivityRow("KS2024-011", "Implementera nya läroplaner", "Grundskolan",
                                "Utbildningsavdelningen", null, false, Status.PAGAENDE_MED_AVVIKELSE,
                                Status.PAGAENDE_MED_AVVIKELSE.swedish(), Status.PAGAENDE_MED_AVVIKELSE.symbol(),
                                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                                "Samtliga verksamheter arbetar med planen, dock saknas övergripande lokala läroplaner.",
                                null, List.of("Status ändrad från Pågående enligt plan"))));
        BoardReport.KsGoal undecided = new BoardReport.KsGoal("2.1.2", "mal-2-1-2", "2.1.2",
                "Öka attraktiviteten och kvalitén på Bobergsgymnasiet", "Barn och Unga",
                new Assessment(null, "Ej bedömd", "–", null, "Förslag: Uppfylld",
                        "Bedömt efter aktiviteterna: 1 av 1 aktivitet är genomförd enligt plan."),
                List.of(),
                List.of(new ActivityRow("KS2024-012", "Genom investeringar öka tillgängligheten i den fysiska lärmiljön",
                        null, "Utbildningsavdelningen", null, false, Status.AVSLUTAD_ENLIGT_PLAN,
                        Status.AVSLUTAD_ENLIGT_PLAN.swedish(), Status.AVSLUTAD_ENLIGT_PLAN.symbol(),
                        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31),
                        "Klar med planerade insatser före slutdatum.", null, List.of())));
        BoardReport.KfGoal kf21 = new BoardReport.KfGoal("2.1", "mal-2-1", "2.1",
                "Fortsätta ett målmedvetet arbete med att höja kvalitén i grundskolan så att fler elever blir "
                        + "behöriga till gymnasiet.", false, List.of(decided, undecided));
        BoardReport.KsGoal sickGoal = new BoardReport.KsGoal("2.2.1", "mal-2-2-1", "4.1.1",
                "Sjukfrånvaron ska minska", null,
                new Assessment(GoalAssessment.UPPFYLLD, "Uppfylld", "●", "Sjukfrånvaron har minskat i alla avdelningar.",
                        null, "Bedömt efter aktiviteterna: 1 av 1 aktivitet är genomförd enligt plan."),
                List.of(), List.of(new ActivityRow("KS2024-004", "Utveckla chefsstöd för systematiskt arbetsmiljöarbete",
                "HR och Kommunikation", "Staben", null, false, Status.VANTELAGE, Status.VANTELAGE.swedish(),
                Status.VANTELAGE.symbol(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 8, 31),
                "Väntar på beslut om finansiering.", null, List.of())));
        BoardReport.KfGoal kf41 = new BoardReport.KfGoal("2.2", "mal-2-2", "4.1", "Sjukfrånvaron ska minska", true,
                List.of(sickGoal));
        Section analysis = new Section("3", "Sammanfattning och analys", "kapitel-3", 1, List.of(
                plain("I den här målrapporten har förvaltningens aktiviteter och utfall beskrivits."),
                plain("Gällande målen för 2024 så har det visat sig vara enklare att arbeta med mål som har en "
                        + "tydlig organisatorisk motpart.")));
        BoardReport.Summary summary = new BoardReport.Summary(4, 3,
                List.of(new Count("Uppfylld", "●", 1), new Count("Delvis uppfylld", "◐", 1),
                        new Count("Knappt uppfylld", "◔", 0), new Count("Ej uppfylld", "○", 0),
                        new Count("Ej bedömd", "–", 1)),
                List.of(new Count(Status.AVSLUTAD_ENLIGT_PLAN.swedish(), Status.AVSLUTAD_ENLIGT_PLAN.symbol(), 2),
                        new Count(Status.PAGAENDE_MED_AVVIKELSE.swedish(), Status.PAGAENDE_MED_AVVIKELSE.symbol(), 1),
                        new Count(Status.VANTELAGE.swedish(), Status.VANTELAGE.symbol(), 1)),
                List.of("Implementera nya läroplaner: Pågående enligt plan → Pågående med avvikelse"),
                "4 aktiviteter under 3 mål; 2 mål är bedömda.");
        return new BoardReport(T1, "Måluppföljning", "Hela kommunen", DATE,
                "Låst av Anna Berg 2 maj 2024", intro, assessmentLegend, statusLegend, goalsChapter,
                List.of(kf21, kf41), analysis, summary);
    }

    /**
     * Staben's report as in the real data: {@code goals} goals, each with {@code shortRows} short activities before
     * the goal's tall one at the goal's head (long description and long comment; {@code shift} more short rows in the
     * first goal move every later heading down the page).
     */
    static DepartmentReport departmentWithTallFirstRows(int goals, int shift) {
        DepartmentReport base = department(1);
        List<DepartmentReport.Goal> list = new ArrayList<>();
        for (int g = 1; g <= goals; g++) {
            List<ActivityRow> rows = new ArrayList<>();
            rows.add(tallRow("T-" + g, "Skapa ett ökat utbud av aktiviteter för mål " + g));
            for (int i = 0; i < 2 + (g == 1 ? shift : 0); i++) {
                rows.add(new ActivityRow("S-" + g + "-" + i, "Följa upp arbetet " + g + "." + i, "HR och Kommunikation",
                        "Staben", "Följa upp arbetet löpande.", true, Status.PAGAENDE_ENLIGT_PLAN,
                        Status.PAGAENDE_ENLIGT_PLAN.swedish(), Status.PAGAENDE_ENLIGT_PLAN.symbol(),
                        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "Pågår enligt plan.", null, List.of()));
            }
            list.add(new DepartmentReport.Goal("1." + g, "mal-1-" + g,
                    "Skapa ett ökat utbud av aktiviteter och mötesplatser för mål " + g, rows));
        }
        int count = list.stream().mapToInt(goal -> goal.activities().size()).sum();
        return new DepartmentReport(T1, base.title(), base.scope(), DATE, null, base.intro(), list, base.closing(),
                base.boardGoals(), base.goalGroups(), count);
    }

    private static ActivityRow tallRow(String ref, String title) {
        return new ActivityRow(ref, title, "Kultur och Fritid", "Staben",
                "Genom samverkan med föreningslivet, studieförbunden och skolan skapa fler mötesplatser och ett "
                        + "bredare utbud av aktiviteter för barn och unga under lov och helger, så att fler hittar "
                        + "en meningsfull fritid nära hemmet.",
                true, Status.PAGAENDE_ENLIGT_PLAN, Status.PAGAENDE_ENLIGT_PLAN.swedish(),
                Status.PAGAENDE_ENLIGT_PLAN.symbol(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                LONG_COMMENT, null, List.of());
    }

    private static Paragraph plain(String text) {
        return new Paragraph(text, false);
    }
}
