package se.ange.tertial.register;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = OwnActivitiesContract.CLOCK_START)
class OwnActivitiesOnH2Test extends OwnActivitiesContract {
}
