package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/**
 * Closing reads the register afresh: with the catalog's read cached for an hour here, a report another
 * instance committed (written behind this one's back, so its cache is not dropped) is still in the record.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-05-02T08:00:00Z")
@Property(name = "tertial.register.cache-ttl", value = "1h")
class TertialRecordFreshReadTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    ActivityCatalog catalog;

    @Inject
    TertialRecords records;

    @Test
    void a_report_committed_by_another_instance_just_before_the_close_is_in_the_record() throws Exception {
        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        Api stab = admin.withNewToken("stab-fresh-read", "STAB", "sara.lindqvist@ange.example");
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
        long activityId = catalog.all().stream().filter(v -> v.ref().equals("KS2024-002")).findFirst().orElseThrow()
                .activity().id(); // the catalog's read is now cached

        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO status_report (activity_id, tertial, status, "
                     + "comment, reported_by, channel, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, activityId);
            insert.setString(2, "2024-T1");
            insert.setString(3, Status.VANTELAGE.name());
            insert.setString(4, "Rapporterad via en annan instans");
            insert.setString(5, "emma.berglund@ange.example");
            insert.setString(6, "API");
            insert.setTimestamp(7, Timestamp.from(Instant.parse("2024-05-02T07:59:00Z")));
            insert.executeUpdate();
        }

        Tertial t1 = Tertial.parse("2024-T1");
        assertThat(records.close(t1, Actor.system("stab"), false).created()).isTrue();
        assertThat(records.state(t1).activities()).filteredOn(a -> a.ref().equals("KS2024-002")).singleElement()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(Status.VANTELAGE);
                    assertThat(a.comment()).isEqualTo("Rapporterad via en annan instans");
                });
    }
}
