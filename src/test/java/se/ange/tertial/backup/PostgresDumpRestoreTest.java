package se.ange.tertial.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static se.ange.tertial.support.Api.body;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.TestPostgres;

/**
 * The README's PostgreSQL backup and restore: {@code pg_dump -Fc} of the database while the service runs, then
 * {@code pg_restore} into a new, empty database, and a service started on it finds the status report, the API
 * token and the Quartz and Flyway tables (Flyway has nothing left to do). Uses the machine's PostgreSQL client
 * tools ({@code /usr/lib/postgresql/15/bin}, else the PATH); where there are none it is skipped.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class PostgresDumpRestoreTest {

    @TempDir
    Path temp;

    private static EmbeddedServer start(Map<String, String> database) {
        Map<String, Object> properties = new java.util.HashMap<>(database);
        properties.put("tertial.demo-data", "true");
        return ApplicationContext.builder("test").properties(properties).run(EmbeddedServer.class);
    }

    private static Api api(EmbeddedServer server, String token) {
        return new Api(server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking(), token);
    }

    @Test
    void a_dump_taken_while_the_service_runs_restores_into_a_new_database_and_starts_with_its_data() throws Exception {
        String pgDump = tool("pg_dump");
        String pgRestore = tool("pg_restore");
        Map<String, String> original = TestPostgres.freshDatabase();
        Path dump = temp.resolve("tertial.dump");
        String stabToken;
        int migrations;
        try (EmbeddedServer server = start(original)) {
            Api stab = api(server, Api.BOOTSTRAP_ADMIN).withNewToken("stab-script", "STAB", null);
            stabToken = stab.token();
            assertThat(stab.postJson("/api/activities/KS2024-007/reports", Map.of("tertial", "2024-T1",
                    "status", "Pågående med avvikelse", "comment", "Före dumpen")).code()).isEqualTo(201);
            migrations = count(server, "SELECT count(*) FROM flyway_schema_history");

            run(original, pgDump, "-Fc", "-f", dump.toString());

            // the API's backup is H2's; on PostgreSQL it says to use pg_dump
            var refused = api(server, Api.BOOTSTRAP_ADMIN).postJson("/api/admin/backup", Map.of());
            assertThat(refused.code()).isEqualTo(409);
            assertThat((String) body(refused).get("detail")).contains("pg_dump");
        }

        Map<String, String> restored = TestPostgres.freshDatabase();
        run(restored, pgRestore, "--no-owner", "--exit-on-error", "--single-transaction", dump.toString());

        try (EmbeddedServer server = start(restored)) {
            Api stab = api(server, stabToken);
            List<Map> history = (List<Map>) body(stab.get("/api/activities/KS2024-007")).get("history");
            assertThat(history).extracting(h -> h.get("comment")).containsExactly("Före dumpen");
            assertThat(body(stab.get("/api/activities?size=1")).get("total")).isEqualTo(79);
            assertThat(count(server, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(migrations);
            assertThat(count(server, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'"))
                    .as("the Quartz tables came along").isGreaterThanOrEqualTo(11);
        }
    }

    private static int count(EmbeddedServer server, String sql) throws Exception {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(server.getApplicationContext().getBean(DataSource.class));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static String tool(String name) {
        Path machine = Path.of("/usr/lib/postgresql/15/bin", name);
        if (Files.isExecutable(machine)) {
            return machine.toString();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        assumeTrue(false, "no " + name + " on this machine");
        return name;
    }

    /** Runs a PostgreSQL client tool against the database of those datasource properties. */
    private static void run(Map<String, String> database, String tool, String... arguments) throws Exception {
        URI uri = URI.create(database.get("datasources.default.url").substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(tool, "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()),
                "-U", database.get("datasources.default.username"), "-d", uri.getPath().substring(1)));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.get("datasources.default.password"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(tool + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
