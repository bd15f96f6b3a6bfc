package se.ange.tertial.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every benchmark of issue 17 with its anchors, one after the other in this JVM, printed as one Markdown table:
 *
 * <pre>mvn -q -Pbench test-compile exec:java [-Dbench.only=name,…]</pre>
 *
 * Suites are run in the order listed; a suite that throws is reported as a row and the others still run.
 */
public final class BenchAll {

    private BenchAll() {
    }

    /** Every suite; add a new one here. */
    static List<BenchSuite> suites() {
        List<BenchSuite> suites = new ArrayList<>();
        suites.add(new ReminderDaysBench());
        suites.add(new DrainBench());
        suites.add(new StatusReportBench());
        suites.add(new SlackCommandBench());
        suites.add(new se.ange.tertial.report.ReportRenderBench());
        suites.add(new PeopleBench());
        suites.add(new StartupBench());
        return suites;
    }

    public static void main(String[] args) {
        String only = System.getProperty("bench.only", "");
        Set<String> wanted = only.isBlank() ? Set.of()
                : Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
        System.out.println(table(run(suites(), wanted)));
        System.exit(0);
    }

    /** The figures of the {@code wanted} suites (all when empty); a suite that fails gives one row saying so. */
    static List<Figure> run(List<BenchSuite> suites, Set<String> wanted) {
        List<Figure> figures = new ArrayList<>();
        for (BenchSuite suite : suites) {
            if (!wanted.isEmpty() && !wanted.contains(suite.name())) {
                continue;
            }
            System.err.printf("running %s …%n", suite.name());
            try {
                figures.addAll(suite.run());
            } catch (Exception | Error failure) {
                figures.add(new Figure(suite.name(), "failed: " + failure, 0, 0, "", "", false));
            }
        }
        return figures;
    }

    static String table(List<Figure> figures) {
        StringBuilder out = new StringBuilder(jit(ManagementFactory.getRuntimeMXBean().getInputArguments()))
                .append("\n\n| area | what | Tertial | anchor | ratio | goal | met |\n|---|---|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            out.append("| ").append(figure.area()).append(" | ").append(figure.what()).append(" | ")
                    .append(Figure.fmt(figure.value())).append(' ').append(figure.unit()).append(" | ")
                    .append(figure.anchor() == 0 ? "" : Figure.fmt(figure.anchor()) + " " + figure.unit()).append(" | ")
                    .append(figure.ratio()).append(" | ").append(figure.goal()).append(" | ")
                    .append(figure.met() ? "yes" : "**no**").append(" |\n");
        }
        return out.toString();
    }

    /**
     * Which JIT compilers measured the in-JVM suites: the service runs with the first only ({@link
     * StartupBench#RUN_OPTIONS}), Maven's JVM has both unless MAVEN_OPTS says otherwise, and the two differ in speed.
     */
    static String jit(List<String> jvmArguments) {
        String firstOnly = StartupBench.RUN_OPTIONS.stream().filter(o -> o.startsWith("-XX:TieredStopAtLevel="))
                .findFirst().orElseThrow();
        return jvmArguments.contains(firstOnly)
                ? "In-JVM suites measured with the JIT's first compiler only (" + firstOnly + "), as the service runs."
                : "In-JVM suites measured with both JIT compilers; the service runs with the first only: for its figures "
                        + "MAVEN_OPTS=" + firstOnly + ". The startup suite starts the jar as it runs either way.";
    }
}
