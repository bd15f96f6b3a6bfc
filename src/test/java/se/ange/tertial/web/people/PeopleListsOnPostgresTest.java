package se.ange.tertial.web.people;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.TestPostgres;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleListsOnPostgresTest extends PeopleListsContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return properties(TestPostgres.freshDatabase());
    }

    @Override
    Map<String, String> freshDatabase() {
        return TestPostgres.freshDatabase();
    }
}
