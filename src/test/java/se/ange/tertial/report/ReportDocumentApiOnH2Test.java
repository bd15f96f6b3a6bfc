package se.ange.tertial.report;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = ReportDocumentApiContract.CLOCK_START)
class ReportDocumentApiOnH2Test extends ReportDocumentApiContract {
}
