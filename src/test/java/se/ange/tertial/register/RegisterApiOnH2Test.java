package se.ange.tertial.register;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "test", transactional = false)
class RegisterApiOnH2Test extends RegisterApiContract {
}
