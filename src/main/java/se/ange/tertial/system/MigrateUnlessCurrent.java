package se.ange.tertial.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.flyway.DataSourceMigrationRunner;
import io.micronaut.flyway.event.MigrationFinishedEvent;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway at start, unless the schema is already at the newest migration this build has: then one query replaces
 * Flyway's scan of the whole fat jar, its set-up and its validation (about a seventh of the start, issue 17). A
 * database behind this build, a failed migration or no schema history at all runs Flyway as before. The price: an
 * applied migration edited afterwards is noticed by the next start that has a new migration to apply, not at once.
 */
@Singleton
@Replaces(DataSourceMigrationRunner.class)
class MigrateUnlessCurrent extends DataSourceMigrationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MigrateUnlessCurrent.class);
    /** The newest migration under db/migration (SQL or Java); {@code MigrateUnlessCurrentTest} keeps it in step. */
    static final MigrationVersion NEWEST = MigrationVersion.fromVersion("55");

    private final DataSourceResolver dataSourceResolver;

    MigrateUnlessCurrent(ApplicationContext applicationContext, ApplicationEventPublisher<MigrationFinishedEvent> eventPublisher,
                         DataSourceResolver dataSourceResolver) {
        super(applicationContext, eventPublisher, dataSourceResolver);
        this.dataSourceResolver = dataSourceResolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        // the pool itself: Micronaut Data's transaction-aware proxy would need beans still being created
        if (current(dataSourceResolver.resolve(event.getBean()))) {
            LOG.info("Schema is at the newest migration ({}): Flyway not needed", NEWEST);
            return event.getBean();
        }
        return super.onCreated(event);
    }

    /** True when every recorded migration succeeded and the newest applied one is {@link #NEWEST}. */
    static boolean current(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, success from flyway_schema_history")) {
            MigrationVersion newest = null;
            while (rows.next()) {
                if (!rows.getBoolean("success")) {
                    return false;
                }
                String version = rows.getString("version");
                if (version != null) {   // baseline and repeatable rows have none
                    MigrationVersion applied = MigrationVersion.fromVersion(version);
                    newest = newest == null || applied.isNewerThan(newest.getVersion()) ? applied : newest;
                }
            }
            return NEWEST.equals(newest);
        } catch (SQLException noHistoryYet) {
            return false;   // a new database (no history table) or none reachable: Flyway decides and reports
        }
    }
}
