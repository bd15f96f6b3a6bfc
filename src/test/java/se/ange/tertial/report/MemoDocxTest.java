package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.report.ReportParts.Count;

/** The cover memo (tjänsteskrivelse, seed 004) drafted from the board's måluppföljning. */
class MemoDocxTest {

    private static final byte[] MEMO = MemoDocx.render(SampleReports.board());

    @Test
    void the_memo_has_the_seeds_headings_decision_and_period_for_the_tertial() throws IOException {
        try (XWPFDocument doc = DocxReportTest.open(MEMO)) {
            List<String> texts = DocxReportTest.texts(doc);
            assertThat(texts).containsSubsequence("Kommunstyrelsen", "Datum: 2 maj 2024",
                    "Uppföljning av kommunstyrelsens mål, tertial 1 2024",
                    "Förslag till beslut",
                    "Kommunförvaltningen föreslår koncern- och finansutskottet föreslå kommunstyrelsen besluta att",
                    "1. Godkänna redovisning av måluppföljning per tertial 1 2024.",
                    "Ärendet i korthet",
                    "Förvaltningens övervägande",
                    "Denna redovisning avser första tertialet, alltså perioden 1 januari till 30 april 2024. "
                            + "Alla mål och tillhörande aktiviteter har följts upp i rapporten.",
                    "Legendförteckning",
                    "Fokusområde Hållbar vardag",
                    "Beslutsunderlag",
                    "Uppföljning av kommunstyrelsens mål – Kommunstyrelsen, tertial 1 2024");
            assertThat(DocxReportTest.headings(doc)).containsExactly(
                    "Heading1|Förslag till beslut", "Heading1|Ärendet i korthet", "Heading1|Förvaltningens övervägande",
                    "Heading2|Legendförteckning", "Heading2|Ånge kommuns vision", "Heading2|Fokusområde Hållbar vardag", "Heading2|Fokusområde Hållbar hälsa",
                    "Heading2|Fokusområde Hållbar gemenskap", "Heading2|Fokusområde Hållbar kompetens",
                    "Heading2|Fokusområde Hållbar natur", "Heading1|Beslutsunderlag");
            assertThat(doc.getProperties().getCoreProperties().getTitle())
                    .isEqualTo("Uppföljning av kommunstyrelsens mål, tertial 1 2024");
        }
    }

    @Test
    void the_figures_come_from_the_report_with_number_agreement() throws IOException {
        try (XWPFDocument doc = DocxReportTest.open(MEMO)) {
            assertThat(DocxReportTest.texts(doc)).contains(
                    "Rapporten omfattar 4 aktiviteter under 3 mål. Av dem är 1 avslutad och 1 rapporteras med avvikelse.",
                    "Av de 3 målen har 2 bedömts: 1 som delvis uppfyllt och 1 som ej uppfyllt. Ett mål är ännu inte bedömt.",
                    "Mål kan ha en av fyra bedömningar: Uppfylld, delvis uppfylld, knappt uppfylld och ej uppfylld. Av dessa är "
                            + "Uppfylld den tydligaste att bedöma, enligt styrmodellen. Resterande utgår från en bedömning som "
                            + "motiveras av en kommentar/analys.",
                    "Aktiviteter kan ha en av sex statusar: Ej påbörjad, pågående enligt plan, pågående med avvikelse, vänteläge, "
                            + "avslutad enligt plan och avslutad med avvikelse. Statusen beskrivs med en kommentar per aktivitet.");
        }
        BoardReport.Summary many = new BoardReport.Summary(35, 13,
                List.of(new Count("Uppfylld", "●", 1), new Count("Delvis uppfylld", "◕", 3), new Count("Ej bedömd", "–", 9)),
                List.of(new Count("Avslutad enligt plan", "✔", 10), new Count("Avslutad med avvikelse", "⚠", 2),
                        new Count("Pågående med avvikelse", "⚠", 3), new Count("Ej rapporterad", "", 4)),
                List.of(), "35 aktiviteter under 13 mål; 4 mål är bedömda.");
        assertThat(MemoDocx.activities(many))
                .isEqualTo("Rapporten omfattar 35 aktiviteter under 13 mål. Av dem är 12 avslutade och 5 rapporteras med avvikelse.");
        assertThat(MemoDocx.goals(many))
                .isEqualTo("Av de 13 målen har 4 bedömts: 1 som uppfyllt och 3 som delvis uppfyllda. Återstående 9 mål är ännu inte bedömda.");
        BoardReport.Summary noneDone = new BoardReport.Summary(3, 2, List.of(new Count("Ej bedömd", "–", 2)),
                List.of(new Count("Pågående enligt plan", "", 3)), List.of(), "");
        assertThat(MemoDocx.activities(noneDone))
                .isEqualTo("Rapporten omfattar 3 aktiviteter under 2 mål. Av dem är ingen avslutad och ingen rapporteras med avvikelse.");
        BoardReport.Summary one = new BoardReport.Summary(1, 1, List.of(new Count("Knappt uppfylld", "◔", 1),
                new Count("Ej bedömd", "–", 0)), List.of(), List.of(), "");
        assertThat(MemoDocx.goals(one)).isEqualTo("Målet bedöms som knappt uppfyllt.");
        BoardReport.Summary none = new BoardReport.Summary(2, 2, List.of(new Count("Ej bedömd", "–", 2)), List.of(), List.of(), "");
        assertThat(MemoDocx.goals(none)).isEqualTo("Inget av de 2 målen är ännu bedömt.");
        assertThat(MemoDocx.period(new Tertial(2024, 3))).isEqualTo("perioden 1 september till 31 december 2024");
    }

    @Test
    void text_only_the_stab_can_write_is_a_marked_placeholder() throws IOException {
        try (XWPFDocument doc = DocxReportTest.open(MEMO)) {
            List<XWPFParagraph> placeholders = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("[Skriv här")).toList();
            assertThat(placeholders).extracting(XWPFParagraph::getText).contains(
                    "[Skriv här hur ärendet berör hållbar vardag, eller: Ärendet har ingen bärighet på hållbar vardag.]");
            assertThat(placeholders).hasSize(7);
            for (XWPFParagraph placeholder : placeholders) {
                assertThat(placeholder.getRuns().get(0).getCTR().getRPr().getHighlightArray(0).getVal())
                        .isEqualTo(STHighlightColor.YELLOW);
            }
        }
    }

    @Test
    void the_memo_is_valid_ooxml_opens_in_python_docx_and_shares_the_page_setup() {
        assertThat(DocxFiles.schemaErrors(MEMO)).isEmpty();
        assertThat(DocxFiles.pythonDocx(MEMO)).contains(
                "TITLE|Uppföljning av kommunstyrelsens mål, tertial 1 2024",
                "Heading 1|Förslag till beslut",
                "Heading 2|Legendförteckning",
                "Heading 1|Beslutsunderlag",
                "FOOTER|Tjänsteskrivelse – Uppföljning av kommunstyrelsens mål, tertial 1 2024\tSida 1 av 1");
        String document = DocxFiles.xml(MEMO, "word/document.xml");
        assertThat(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")).isTrue();
        assertThat(document.contains("w:titlePg")).as("no cover: the footer is on the first page too").isFalse();
        assertThat(DocxFiles.xml(MEMO, "word/fontTable.xml")).contains("w:embedRegular").contains("w:embedBold");
    }
}
