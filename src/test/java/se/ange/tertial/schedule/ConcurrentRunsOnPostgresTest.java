package se.ange.tertial.schedule;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.TestPostgres;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentRunsOnPostgresTest extends ConcurrentRunsContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestPostgres.freshDatabase());
        properties.put("tertial.test.clock", CLOCK);
        return properties;
    }
}
