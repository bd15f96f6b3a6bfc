package se.ange.tertial.register;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.TestPostgres;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusReportStatementsOnPostgresTest extends StatusReportStatementsContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return properties(TestPostgres.freshDatabase());
    }

    /** The write's parts go with one Sync: one implicit transaction, no COMMIT. */
    @Override
    int maxCommits() {
        return 0;
    }
}
