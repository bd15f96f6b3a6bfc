package se.ange.tertial.register.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvFormulaGuardTest {

    @Test
    void full_width_formula_starts_are_guarded_like_ascii_ones() {
        for (String formula : new String[] {"＝HYPERLINK(\"http://x\")", "＋1+1", "－2+3", "＠SUM(A1)"}) {
            assertThat(CsvExport.cell(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(CsvExport.cell("Ｈej")).isEqualTo("Ｈej");
        assertThat(CsvExport.cell("Pågående – enligt plan")).isEqualTo("Pågående – enligt plan");
    }
}
