package se.ange.tertial.register;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusReportStatementsOnH2Test extends StatusReportStatementsContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return properties(Map.of());
    }

    /** H2 runs the write's parts one by one, so they are written in a transaction. */
    @Override
    int maxCommits() {
        return 1;
    }
}
