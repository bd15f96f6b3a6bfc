package se.ange.tertial.register.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/** What is wrong with a file's shape, said at its line and column. */
class CsvHeaderTest {

    private static List<ProblemError> errors(String csv) {
        try {
            CsvTable.parse(csv, List.of("ref", "title"), List.of("unit"));
        } catch (ProblemException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + csv);
    }

    @Test
    void a_repeated_header_column_is_named_at_line_1_in_any_case() {
        assertThat(errors("ref,title,Ref\nA,B,C\n")).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo("ref");
            assertThat(e.message()).contains("flera gånger");
        });
    }

    @Test
    void an_unknown_column_is_named_with_the_columns_the_file_may_have() {
        assertThat(errors("ref,title,owner\nA,B,C\n")).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo("owner");
            assertThat(e.message()).contains("ref, title, unit");
        });
    }

    @Test
    void a_header_only_file_is_refused_at_line_2() {
        assertThat(errors("\uFEFFref,title\r\n")).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void an_unclosed_quote_is_reported_on_the_line_it_opens() {
        String csv = "ref,title\nA,ok\nB,\"öppen\nC,ok\nD,ok\nE,ok\n";
        assertThat(errors(csv)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("rad 3").doesNotContain("org.apache", "EOF");
        });
    }

    @Test
    void a_quoted_field_spanning_lines_is_fine_and_text_after_a_closing_quote_is_not() {
        assertThat(CsvTable.parse("ref,title\nA,\"två\nrader\"\nB,\"med \"\"citat\"\"\"\n", List.of("ref", "title"),
                List.of()).rows()).hasSize(2);
        assertThat(errors("ref,title\nA,ok\nB,\"stängd\"x\n")).singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void a_row_with_more_fields_than_the_header_is_named() {
        assertThat(errors("ref,title\nA,B\nC,D,E\n")).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void a_library_message_never_reaches_the_answer() {
        assertThatThrownBy(() -> CsvTable.parse("ref,title\nA,\"x\n", List.of("ref")))
                .isInstanceOf(ProblemException.class).message().doesNotContain("org.apache", "Exception");
    }
}
