package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.flyway.DataSourceMigrationRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import se.ange.tertial.support.TestPostgres;

/**
 * Flyway is skipped at start only when the schema is at this build's newest migration with none failed, on H2 and
 * PostgreSQL; a new database, one behind, or one with a failed migration still runs Flyway.
 */
class MigrateUnlessCurrentTest {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9_.]+)__.*\\.(sql|class)");

    @Test
    void the_newest_known_migration_is_the_newest_file_under_db_migration() throws IOException, URISyntaxException {
        Path sql = Path.of(getClass().getResource("/db/migration").toURI());
        Path java = Path.of(db.migration.V54__person_sort_key.class.getResource(".").toURI());
        MigrationVersion newest = null;
        for (Path dir : new Path[] {sql, java}) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Matcher name = VERSIONED.matcher(file.getFileName().toString());
                    if (name.matches()) {
                        MigrationVersion version = MigrationVersion.fromVersion(name.group(1));
                        newest = newest == null || version.isNewerThan(newest.getVersion()) ? version : newest;
                    }
                }
            }
        }
        assertThat(newest).as("MigrateUnlessCurrent.NEWEST must name the newest migration").isEqualTo(MigrateUnlessCurrent.NEWEST);
    }

    @Test
    void the_service_migrates_through_it() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("tertial.scheduler.enabled", "false"), "test")) {
            assertThat(context.getBean(DataSourceMigrationRunner.class)).isInstanceOf(MigrateUnlessCurrent.class);
            assertThat(MigrateUnlessCurrent.current(io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                    .unwrapDataSource(context.getBean(DataSource.class)))).isTrue();
        }
    }

    @Test
    void only_a_schema_at_the_newest_migration_skips_flyway_on_h2() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:current-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        h2.setPassword("");
        check(h2);
    }

    @Test
    void only_a_schema_at_the_newest_migration_skips_flyway_on_postgres() throws SQLException {
        Map<String, String> database = TestPostgres.freshDatabase();
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(database.get("datasources.default.url"));
        postgres.setUser(database.get("datasources.default.username"));
        postgres.setPassword(database.get("datasources.default.password"));
        check(postgres);
    }

    private static void check(DataSource dataSource) throws SQLException {
        assertThat(MigrateUnlessCurrent.current(dataSource)).as("new database").isFalse();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("53")).load().migrate();
        assertThat(MigrateUnlessCurrent.current(dataSource)).as("behind this build").isFalse();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        assertThat(MigrateUnlessCurrent.current(dataSource)).as("at the newest migration").isTrue();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("update flyway_schema_history set success = false where version = '55'");
        }
        assertThat(MigrateUnlessCurrent.current(dataSource)).as("a failed migration").isFalse();
    }
}
