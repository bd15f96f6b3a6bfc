package se.ange.tertial.bench;

import java.util.List;

/**
 * One area's benchmark as {@link BenchAll} runs it: measures Tertial and its anchors in the same run and returns
 * the figures. Each suite keeps its own {@code main} for running it alone with more detail.
 */
public interface BenchSuite {

    /** Short name used to pick suites: {@code -Dbench.only=reminders,delivery}. */
    String name();

    List<Figure> run() throws Exception;
}
