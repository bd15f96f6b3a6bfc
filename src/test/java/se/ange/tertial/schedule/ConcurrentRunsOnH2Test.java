package se.ange.tertial.schedule;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = ConcurrentRunsContract.CLOCK)
class ConcurrentRunsOnH2Test extends ConcurrentRunsContract {
}
