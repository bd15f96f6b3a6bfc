package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PDF's line breaker: report.css's pre-line with the font's widths. */
class PdfTextTest {

    private static PDDocument pdf;
    private static PdfText.Style body;

    @BeforeAll
    static void fonts() {
        pdf = new PDDocument();
        body = new PdfText.Style(PdfFonts.load(pdf).regular, 9.5f, 0x1a1a1a);
    }

    @AfterAll
    static void close() throws Exception {
        pdf.close();
    }

    private static List<PdfText.Line> lines(String text, float width) {
        return PdfText.lines(List.of(new PdfText.Run(text, body)), width, body);
    }

    private static String text(PdfText.Line line) {
        return line.pieces().stream().map(PdfText.Piece::text).collect(Collectors.joining());
    }

    @Test
    void aWordLongerThanTheLineIsBrokenBetweenCharactersAndEveryLineFits() {
        String word = "Kommunstyrelsensverksamhetsplanuppföljningsrapportering".repeat(3);
        List<PdfText.Line> lines = lines("Se " + word + " nu", 100);

        assertThat(lines).hasSizeGreaterThan(3).allSatisfy(line -> assertThat(line.width()).isLessThanOrEqualTo(100));
        assertThat(text(lines.get(0))).isEqualTo("Se");
        assertThat(lines.stream().map(PdfTextTest::text).collect(Collectors.joining())).isEqualTo("Se" + word + "nu");
    }

    @Test
    void spacesCollapseLineBreaksStayAndLinesWrapAtSpaces() {
        List<PdfText.Line> lines = lines("  Första   raden\nAndra raden\n\nefter en tom rad", 1000);
        assertThat(lines).extracting(PdfTextTest::text)
                .containsExactly("Första raden", "Andra raden", "", "efter en tom rad");

        List<PdfText.Line> wrapped = lines("ett två tre fyra fem sex sju åtta nio tio", 60);
        assertThat(wrapped).hasSizeGreaterThan(1).allSatisfy(line -> {
            assertThat(line.width()).isLessThanOrEqualTo(60);
            assertThat(text(line)).doesNotStartWith(" ").doesNotEndWith(" ");
        });
        assertThat(wrapped.stream().map(PdfTextTest::text).collect(Collectors.joining(" ")))
                .isEqualTo("ett två tre fyra fem sex sju åtta nio tio");
    }

    @Test
    void charactersTheFontLacksAreReplacedAndControlCharactersDropped() {
        List<PdfText.Line> lines = lines("Klart 😀 中\u0007 å\tä ö ▶", 1000);
        assertThat(text(lines.get(0))).isEqualTo("Klart ? ? å ä ö ▶");
    }

    @Test
    void aLineIsAsTallAsItsLargestTextAndAtLeastItsBlocksLineHeight() {
        PdfText.Style small = body.withSize(8.5f);
        PdfText.Style large = body.withSize(13);
        assertThat(PdfText.lines(List.of(new PdfText.Run("liten", small)), 1000, body).get(0).height())
                .isEqualTo(9.5f * 1.4f);
        assertThat(PdfText.lines(List.of(new PdfText.Run("liten ", small), new PdfText.Run("stor", large)), 1000, body)
                .get(0).height()).isEqualTo(13 * 1.4f);
    }
}
