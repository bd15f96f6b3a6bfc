package se.ange.tertial.system;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.TestPostgres;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityReaderOnPostgresTest extends EntityReaderContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return TestPostgres.freshDatabase();
    }
}
