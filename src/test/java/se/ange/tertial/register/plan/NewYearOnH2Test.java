package se.ange.tertial.register.plan;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "test", transactional = false)
class NewYearOnH2Test extends NewYearContract {
}
