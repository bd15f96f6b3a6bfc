package se.ange.tertial.web.sending;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = SendingHttpContract.CLOCK_START)
class SendingHttpTest extends SendingHttpContract {
}
