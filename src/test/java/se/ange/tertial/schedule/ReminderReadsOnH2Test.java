package se.ange.tertial.schedule;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderReadsOnH2Test extends ReminderReadsContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return properties(Map.of());
    }

    @Test
    void a_run_reads_managers_stab_and_deputies_by_index_not_every_person() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet plan = c.createStatement().executeQuery("EXPLAIN " + ReminderReads.DIRECTORY_PEOPLE)) {
            plan.next();
            // before V55 H2 read every person and probed its roles; now the roles' index and the persons' key
            assertThat(plan.getString(1)).contains("person_role_by_role").doesNotContainIgnoringCase("tableScan");
        }
    }
}
