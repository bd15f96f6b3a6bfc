package se.ange.tertial.hostile;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "test", transactional = false)
class HostileInputOnH2Test extends HostileInputContract {
}
