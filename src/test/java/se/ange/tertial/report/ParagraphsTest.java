package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.ange.tertial.report.ReportParts.Paragraph;

class ParagraphsTest {

    @Test
    void blank_lines_separate_paragraphs_and_blank_paragraphs_are_dropped() {
        assertThat(Paragraphs.of("")).isEmpty();
        assertThat(Paragraphs.of("  \n \t ")).isEmpty();
        assertThat(Paragraphs.of("\n\nFörsta stycket\nfortsätter.\r\n  \r\nAndra stycket.\n\n\n"))
                .containsExactly(new Paragraph("Första stycket fortsätter.", false),
                        new Paragraph("Andra stycket.", false));
    }

    @Test
    void a_paragraph_whose_every_line_starts_with_a_quote_mark_is_a_quotation_without_the_marks_or_empty_lines() {
        assertThat(Paragraphs.of("> Första raden\n>\n> andra raden")).containsExactly(
                new Paragraph("Första raden andra raden", true));
        assertThat(Paragraphs.of("> Citat\nmen inte här")).containsExactly(
                new Paragraph("> Citat men inte här", false));
    }
}
