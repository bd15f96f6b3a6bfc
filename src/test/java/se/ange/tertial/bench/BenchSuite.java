package se.ange.tertial.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.support.CountingDriver;

/**
 * One area's benchmark as {@link BenchAll} runs it: measures Tertial and its anchors in the same run and returns
 * the figures. Each suite keeps its own {@code main} for running it alone with more detail.
 */
public interface BenchSuite {

    /** Short name used to pick suites: {@code -Dbench.only=reminders,delivery}. */
    String name();

    List<Figure> run() throws Exception;

    /**
     * The service's data source settings for a run, statements counted: {@code datasource} (PostgreSQL) when given,
     * else a new in-memory H2 database named after the suite, in the service's PostgreSQL mode.
     */
    static Map<String, Object> countedDatabase(String suite, Map<String, String> datasource) {
        return new HashMap<>(CountingDriver.wrap(datasource, "jdbc:h2:mem:" + suite + "bench" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
    }
}
