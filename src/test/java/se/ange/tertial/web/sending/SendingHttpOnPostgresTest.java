package se.ange.tertial.web.sending;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.TestPostgres;

/** The same pages on PostgreSQL: the outbox's row lock, the audit log's filtered and paged query. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendingHttpOnPostgresTest extends SendingHttpContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestPostgres.freshDatabase());
        properties.put("tertial.test.clock", CLOCK_START);
        return properties;
    }
}
