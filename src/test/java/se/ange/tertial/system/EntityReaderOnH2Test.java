package se.ange.tertial.system;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.CountingDriver;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityReaderOnH2Test extends EntityReaderContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.wrapOrFreshH2(Map.of(), "tertial-entity-reader");
    }
}
