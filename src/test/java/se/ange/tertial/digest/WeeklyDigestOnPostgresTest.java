package se.ange.tertial.digest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.TestPostgres;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeeklyDigestOnPostgresTest extends WeeklyDigestContract {

    @Override
    protected Map<String, String> database() {
        return TestPostgres.freshDatabase();
    }
}
