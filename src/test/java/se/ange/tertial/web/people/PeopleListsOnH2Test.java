package se.ange.tertial.web.people;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleListsOnH2Test extends PeopleListsContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return properties(Map.of());
    }

    @Override
    Map<String, String> freshDatabase() {
        return Map.of("datasources.default.url", "jdbc:h2:mem:people-migration-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }
}
