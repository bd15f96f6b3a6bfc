package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The embedded H2 writes a commit to its file before the commit returns, so an outbox message recorded as SENT
 * stays SENT after the process is killed. Without {@code WRITE_DELAY=0} H2 2.3 lost that last commit in 2 of 3
 * runs of the kill test on this machine.
 */
class H2DurabilityTest {

    @TempDir
    Path temp;

    @Test
    void the_default_url_and_any_h2_file_url_get_write_delay_0() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> yaml = new Yaml().load(resource("application.yml"));
        assertThat((String) yaml.get("datasources").get("default").get("url")).contains(";WRITE_DELAY=0");

        assertThat(H2Durability.durable("jdbc:h2:file:./data/tertial;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/tertial;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(H2Durability.durable("jdbc:h2:file:./data/tertial;WRITE_DELAY=100"))
                .isEqualTo("jdbc:h2:file:./data/tertial;WRITE_DELAY=100");
        assertThat(H2Durability.durable("jdbc:h2:mem:x;MODE=PostgreSQL")).isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL");
        assertThat(H2Durability.durable("jdbc:postgresql://db/tertial")).isEqualTo("jdbc:postgresql://db/tertial");
    }

    @Test
    void a_commit_on_the_services_h2_url_survives_the_process_being_killed() throws Exception {
        String url;
        // an operator's own H2 URL without WRITE_DELAY: the service adds it, and H2 reports it in effect
        try (ApplicationContext context = ApplicationContext.run(Map.of("tertial.data-dir", temp.toString(),
                "datasources.default.url", "jdbc:h2:file:" + temp.resolve("tertial")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"), "test")) {
            url = context.getBean(DatasourceConfiguration.class, Qualifiers.byName("default")).getUrl();
            try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("0");
            }
        }
        assertThat(url).endsWith(";WRITE_DELAY=0");

        for (int run = 0; run < 3; run++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), H2CommitThenDie.class.getName(), url)
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes());
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT state FROM delivered WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).as("run %d", run).isEqualTo("SENT");
                statement.execute("DELETE FROM delivered");
            }
        }
    }

    private static InputStream resource(String name) {
        return H2DurabilityTest.class.getClassLoader().getResourceAsStream(name);
    }
}
