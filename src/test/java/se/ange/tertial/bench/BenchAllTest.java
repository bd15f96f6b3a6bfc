package se.ange.tertial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchAllTest {

    private static BenchSuite suite(String name, List<Figure> figures) {
        return new BenchSuite() {
            public String name() {
                return name;
            }

            public List<Figure> run() {
                return figures;
            }
        };
    }

    @Test
    void every_suite_is_listed_and_each_is_named() {
        assertThat(BenchAll.suites()).extracting(BenchSuite::name)
                .containsExactly("reminders", "delivery", "status", "slack", "reports", "people", "startup");
    }

    @Test
    void the_table_shows_each_figure_beside_its_anchor_with_the_ratio_and_whether_the_goal_is_met() {
        List<Figure> figures = BenchAll.run(List.of(
                suite("reminders", List.of(Figure.atMost("reminders", "first, 100k", 1500, 1000, "ms", 2.0))),
                suite("delivery", List.of(Figure.atLeast("delivery", "H2", 700, 1000, "mails/s", 0.8))),
                suite("reports", List.of(Figure.below("reports", "PDF", 900, "ms", 800)))), Set.of());

        assertThat(BenchAll.table(figures)).contains(
                "| reminders | first, 100k | 1 500 ms | 1 000 ms | 1.50 | ≤ 2.0× anchor | yes |",
                "| delivery | H2 | 700 mails/s | 1 000 mails/s | 0.70 | ≥ 0.8× anchor | **no** |",
                "| reports | PDF | 900 ms |  |  | < 800 ms | **no** |");
    }

    @Test
    void the_table_says_whether_the_jit_was_the_services_or_the_jvms_default() {
        assertThat(BenchAll.jit(List.of("-Xmx2g", "-XX:TieredStopAtLevel=1")))
                .startsWith("In-JVM suites measured with the JIT's first compiler only");
        assertThat(BenchAll.jit(List.of("-Xmx2g")))
                .startsWith("In-JVM suites measured with both JIT compilers")
                .contains("MAVEN_OPTS=-XX:TieredStopAtLevel=1");
    }

    @Test
    void only_the_wanted_suites_run_and_one_that_fails_is_a_row_not_the_end() {
        BenchSuite failing = new BenchSuite() {
            public String name() {
                return "status";
            }

            public List<Figure> run() {
                throw new IllegalStateException("no database");
            }
        };
        List<Figure> figures = BenchAll.run(List.of(failing,
                suite("slack", List.of(Figure.atMost("slack", "p99", 30, 10, "ms", 3.0))),
                suite("startup", List.of(Figure.below("startup", "start", 1, "ms", 2)))), Set.of("status", "slack"));

        assertThat(figures).extracting(Figure::area).containsExactly("status", "slack");
        assertThat(figures.get(0).what()).contains("failed", "no database");
        assertThat(figures.get(0).met()).isFalse();
    }
}
