package se.ange.tertial.register.query;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "test", transactional = false)
class StabQueriesOnH2Test extends StabQueriesContract {
}
