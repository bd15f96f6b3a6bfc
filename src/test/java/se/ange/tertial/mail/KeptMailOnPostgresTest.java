package se.ange.tertial.mail;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.TestPostgres;

/** The kept-mail retry on PostgreSQL: its row claim, the failed handling's bookkeeping, the due query. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptMailOnPostgresTest extends KeptMailContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = mailAndClock();
        properties.putAll(TestPostgres.freshDatabase());
        return properties;
    }
}
