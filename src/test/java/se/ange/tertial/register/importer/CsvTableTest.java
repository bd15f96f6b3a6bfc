package se.ange.tertial.register.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.ange.tertial.system.ProblemException;

class CsvTableTest {

    @Test
    void quoted_fields_keep_commas_quotes_and_line_breaks_and_rows_know_their_first_line() {
        String csv = "\uFEFFref,title\n"
                + "A-1,\"Med komma, och \"\"citat\"\"\"\n"
                + "A-2,\"Två\nrader\"\n"
                + "A-3,Enkel\n";
        List<CsvTable.Row> rows = CsvTable.parse(csv, List.of("ref", "title")).rows();
        assertThat(rows).extracting(CsvTable.Row::line).containsExactly(2, 3, 5);
        assertThat(rows.get(0).get("title")).isEqualTo("Med komma, och \"citat\"");
        assertThat(rows.get(1).get("title")).isEqualTo("Två\nrader");
        assertThat(rows.get(0).get("ref")).isEqualTo("A-1");
    }

    @Test
    void a_missing_column_is_named_at_line_1() {
        assertThatThrownBy(() -> CsvTable.parse("ref,titel\nA,B\n", List.of("ref", "title")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(err -> {
                            assertThat(err.line()).isEqualTo(1);
                            assertThat(err.column()).isEqualTo("title");
                        }));
    }

    @Test
    void an_empty_file_and_an_unclosed_quote_are_clear_errors() {
        assertThatThrownBy(() -> CsvTable.parse("  ", List.of("ref"))).hasMessageContaining("tom");
        assertThatThrownBy(() -> CsvTable.parse("ref,title\nA,\"öppen\n", List.of("ref")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("CSV");
    }

    @Test
    void a_person_made_from_an_email_gets_a_readable_name() {
        assertThat(PeopleImport.nameFromEmail("anna-karin.svensson@ange.example")).isEqualTo("Anna Karin Svensson");
    }
}
