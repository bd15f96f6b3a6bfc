package se.ange.tertial.digest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeeklyDigestOnH2Test extends WeeklyDigestContract {
}
