package se.ange.tertial.chat.slack;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.TestPostgres;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackReplayOnPostgresTest extends SlackReplayContract {

    @Override
    protected Map<String, String> database() {
        return TestPostgres.freshDatabase();
    }
}
