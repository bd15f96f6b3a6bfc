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
}
