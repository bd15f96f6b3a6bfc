package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.report.ReportParts.Count;
import se.ange.tertial.report.ReportParts.LegendEntry;

/**
 * The cover memo (tjänsteskrivelse) for the board's måluppföljning, as seed 004: a draft in Word with the
 * proposed decision, the period and the figures filled in from the report, the legend, the basis for the
 * decision, and the text only the stab can write marked "[Skriv här …]".
 */
final class MemoDocx {

    private static final String[] NUMBERS = {"noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta"};
    private static final String[] ORDINALS = {"", "första", "andra", "tredje"};
    private static final List<String> FOCUS_AREAS = List.of("Hållbar vardag", "Hållbar hälsa", "Hållbar gemenskap",
            "Hållbar kompetens", "Hållbar natur");

    private MemoDocx() {
    }

    static byte[] render(BoardReport report) {
        Tertial tertial = report.tertial();
        String title = "Uppföljning av kommunstyrelsens mål, tertial " + tertial.number() + " " + tertial.year();
        DocxDocument doc = new DocxDocument(title, "Tjänsteskrivelse – " + title, false);
        doc.paragraph(DocxDocument.SUBTITLE, "Kommunstyrelsen");
        doc.paragraph(null, "Datum: " + Dates.full(report.date(), Language.SV));
        doc.paragraph(DocxDocument.TITLE_PLAIN, title);

        doc.heading(1, null, "Förslag till beslut");
        doc.paragraph(null, "Kommunförvaltningen föreslår koncern- och finansutskottet föreslå kommunstyrelsen besluta att");
        doc.paragraph(DocxDocument.LEGEND, "1. Godkänna redovisning av måluppföljning per tertial "
                + tertial.number() + " " + tertial.year() + ".");

        doc.heading(1, null, "Ärendet i korthet");
        doc.paragraph(null, "Ärendet avser uppföljning av kommunstyrelsens mål för " + tertial.year()
                + ". Redovisningen utgår från kommunens styrmodell och redovisar arbetet, med analys och bedömningar, "
                + "enligt kommunstyrelsens verksamhetsplan.");

        doc.heading(1, null, "Förvaltningens övervägande");
        doc.paragraph(null, "Denna redovisning avser " + ORDINALS[tertial.number()] + " tertialet, alltså " + period(tertial)
                + ". Alla mål och tillhörande aktiviteter har följts upp i rapporten.");
        doc.paragraph(null, "Hur målen ska bedömas framgår av kommunfullmäktiges styrmodell. Där framgår bland annat att "
                + "om kommunstyrelsen inte antagit mått för sina mål ska målet bedömas efter genomförandet av aktiviteterna; "
                + "har alla aktiviteter genomförts enligt plan är målet uppfyllt. Varje mål har en bedömning och en "
                + "kommentar som beskriver aktuell status och hur bedömningen har gjorts.");
        doc.paragraph(null, activities(report.summary()));
        doc.paragraph(null, goals(report.summary()));
        doc.paragraph(null, "Aktiviteterna redovisas med en rubrik och beskrivning, start- och slutdatum, aktuell status "
                + "samt en kommentar.");
        doc.placeholder(null, "Skriv här förvaltningens sammanfattning av periodens arbete: framgångar och kvarstående utmaningar.");
        doc.placeholder(null, "Skriv här vilka aktiviteter som inte kunde genomföras enligt plan och varför.");

        doc.heading(2, null, "Legendförteckning");
        doc.paragraph(null, legend("Mål kan ha en av %s bedömningar: ", report.assessmentLegend(),
                entry -> GoalAssessment.parse(entry.label()).isPresent())
                + " Av dessa är Uppfylld den tydligaste att bedöma, enligt styrmodellen. Resterande utgår från en "
                + "bedömning som motiveras av en kommentar/analys.");
        doc.paragraph(null, legend("Aktiviteter kan ha en av %s statusar: ", report.statusLegend(),
                entry -> Status.parse(entry.label()).isPresent())
                + " Statusen beskrivs med en kommentar per aktivitet.");

        doc.heading(2, null, "Ånge kommuns vision");
        doc.paragraph(null, "Vi är en plats för alla, med närhet till natur och gemenskap. Här ger näring och engagemang "
                + "kraft till en levande bygd.");
        for (String area : FOCUS_AREAS) {
            doc.heading(2, null, "Fokusområde " + area);
            doc.placeholder(null, "Skriv här hur ärendet berör " + area.toLowerCase(Locale.ROOT)
                    + ", eller: Ärendet har ingen bärighet på " + area.toLowerCase(Locale.ROOT) + ".");
        }

        doc.heading(1, null, "Beslutsunderlag");
        doc.bullet("Tjänsteskrivelse – " + title);
        doc.bullet(report.title() + " – " + report.scope() + ", tertial " + tertial.number() + " " + tertial.year());
        return doc.bytes();
    }

    /** "perioden 1 januari till 30 april 2024". */
    static String period(Tertial tertial) {
        return "perioden " + Dates.dayMonth(tertial.firstDay(), Language.SV) + " till "
                + Dates.full(tertial.closingDate(), Language.SV);
    }

    /** "Rapporten omfattar 35 aktiviteter under 13 mål. Av dem är 12 avslutade och 5 rapporteras med avvikelse." */
    static String activities(BoardReport.Summary summary) {
        int completed = 0;
        int deviated = 0;
        for (Count count : summary.byStatus()) {
            Optional<Status> status = Status.parse(count.label());
            if (status.isPresent() && status.get().isCompleted()) {
                completed += count.count();
            }
            if (status.isPresent() && status.get().isWithDeviation()) {
                deviated += count.count();
            }
        }
        return "Rapporten omfattar " + Counted.of(summary.activities(), Counted.ACTIVITY) + " under "
                + Counted.of(summary.goals(), Counted.GOAL) + ". Av dem är "
                + Counted.none(completed) + " " + Counted.agreeing(completed, "avslutad", "avslutade")
                + " och " + Counted.none(deviated) + " rapporteras med avvikelse.";
    }

    /**
     * "Av de 13 målen har 4 bedömts: 1 som uppfyllt och 3 som delvis uppfyllda. Återstående 9 mål är ännu inte
     * bedömda." (sentences never start with a digit)
     */
    static String goals(BoardReport.Summary summary) {
        Map<GoalAssessment, Integer> decided = new EnumMap<>(GoalAssessment.class);
        int notAssessed = 0;
        for (Count count : summary.byAssessment()) {
            Optional<GoalAssessment> assessment = GoalAssessment.parse(count.label());
            if (assessment.isPresent()) {
                decided.merge(assessment.get(), count.count(), Integer::sum);
            } else {
                notAssessed += count.count();
            }
        }
        int total = decided.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return "Inget av " + (summary.goals() == 1 ? "målet" : "de " + summary.goals() + " målen")
                    + " är ännu bedömt.";
        }
        List<String> parts = new ArrayList<>();
        decided.forEach((assessment, count) -> {
            if (count > 0) {
                parts.add(count + " som " + neuter(assessment, count));
            }
        });
        if (summary.goals() == 1) {
            return "Målet bedöms som " + neuter(decided.keySet().stream().filter(a -> decided.get(a) > 0)
                    .findFirst().orElseThrow(), 1) + ".";
        }
        String text = "Av de " + summary.goals() + " målen har " + total + " bedömts: " + list(parts) + ".";
        if (notAssessed == 1) {
            text += " Ett mål är ännu inte bedömt.";
        } else if (notAssessed > 1) {
            text += " Återstående " + notAssessed + " mål är ännu inte bedömda.";
        }
        return text;
    }

    /** "mål" is neuter: 1 mål uppfyllt, 2 mål uppfyllda. */
    private static String neuter(GoalAssessment assessment, int count) {
        String label = assessment.label(Language.SV).toLowerCase(Locale.ROOT);
        return label.replaceAll("uppfylld$", count == 1 ? "uppfyllt" : "uppfyllda");
    }

    private static String legend(String lead, List<LegendEntry> entries, java.util.function.Predicate<LegendEntry> counted) {
        List<String> labels = entries.stream().filter(counted).map(LegendEntry::label).toList();
        List<String> lower = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            lower.add(i == 0 ? labels.get(i) : labels.get(i).toLowerCase(Locale.ROOT));
        }
        String number = labels.size() < NUMBERS.length ? NUMBERS[labels.size()] : String.valueOf(labels.size());
        return lead.formatted(number) + list(lower) + ".";
    }

    /** "a, b och c". */
    private static String list(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " och " + parts.get(parts.size() - 1);
    }
}
